using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The id of a staff user signed in as <see cref="SignedInStaffAsync"/> does (the session itself is not kept).</summary>
    public static async Task<Guid> StaffIdAsync(this PortalFactory portal, string email, string role = StaffRoles.Staff)
    {
        using var staff = await portal.SignedInStaffAsync(email, role);
        return await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
    }

    /// <summary>Runs a staff action on the service desk in its own scope, as the staff pages do.</summary>
    public static async Task<StaffActionOutcome> ActOnSupportAsync(this PortalFactory portal, Func<CustomerCenter.Support.StaffSupportActions, Task<StaffActionOutcome>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CustomerCenter.Support.StaffSupportActions>());
    }
}
