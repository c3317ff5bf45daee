namespace CustomerCenter.Staff;

public static class StaffAuthorization
{
    /// <summary>
    /// The staff area's policies. A signed-in person without the role gets 403 everywhere (see LoginRedirects),
    /// anonymous visitors of /staff go to the staff login.
    /// </summary>
    public static WebApplicationBuilder AddStaffAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        return builder;
    }
}
