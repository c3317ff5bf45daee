namespace CustomerCenter.Staff.Members;

public static class MembersServiceCollectionExtensions
{
    public static WebApplicationBuilder AddStaffMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberDirectory>();
        builder.Services.AddScoped<MemberActions>();
        return builder;
    }
}
