using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Infrastructure;

public static class StaffJourney
{
    /// <summary>A member with the given role, signed in through the staff login page.</summary>
    public static async Task<PortalClient> SignedInStaffAsync(this PortalFactory portal, string email, string role = StaffRoles.Staff)
    {
        var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffTeam>().EnsureRolesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role);
        }

        var login = await client.GetAsync("/staff/login");
        var signedIn = await client.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = MemberJourney.GoodPassword });
        Assert.Equal("/staff/members", signedIn.RedirectTarget);
        return client;
    }
}
