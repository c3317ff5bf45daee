using CustomerCenter.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CustomerCenter.Staff;

public static class StaffAuthorization
{
    public static WebApplicationBuilder AddStaffAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenDownloadResultHandler>();
        return builder;
    }

    /// <summary>
    /// A signed-in person without the role gets 403 at once from this endpoint (a download, an API), instead of the
    /// cookie scheme's redirect to the access-denied page. Anonymous requests still go to the login page.
    /// </summary>
    public static TBuilder AnswerForbiddenWithStatus<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ForbiddenDownloadResultHandler.Marker.Instance);

    private sealed class ForbiddenDownloadResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler fallback = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null)
            {
                return PlainPage.WriteAsync(context, StatusCodes.Status403Forbidden, "AccessDenied_Title", "AccessDenied_Text");
            }

            return fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        public sealed class Marker
        {
            public static readonly Marker Instance = new();
        }
    }
}
