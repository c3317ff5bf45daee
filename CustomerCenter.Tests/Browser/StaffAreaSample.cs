using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Support;
using CustomerCenter.Tests.AccessLog;
using Microsoft.Playwright;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// What makes every staff page show something: an Admin (<c>{prefix}.admin@kammer.example</c>, "Ada Admin"), a member
/// ("Erika Neu") with a successful, a failed and a locked-out login, a failed login for an unknown address, and a
/// support request of the member's ("Rechnung").
/// </summary>
internal sealed record StaffAreaSample(string AdminEmail, Member Member, long RequestId)
{
    public static async Task<StaffAreaSample> AddAsync(BrowserHost host, string prefix)
    {
        var adminEmail = $"{prefix}.admin@kammer.example";
        await host.Portal.AddMemberAsync(adminEmail, "Ada", "Admin", role: StaffRoles.Admin, password: StaffBrowserLogin.Passphrase);
        var member = await host.Portal.AddMemberAsync($"{prefix}.member@example.de", "Erika", "Neu");
        var now = DateTime.UtcNow;
        await host.Portal.AddEventsAsync(
            AccessLogTestData.Event(now.AddHours(-3), AccessEventKind.LoginSucceeded, member.Id),
            AccessLogTestData.Event(now.AddHours(-2), AccessEventKind.LoginFailed, member.Id),
            AccessLogTestData.Event(now.AddHours(-1), AccessEventKind.LockedOut, member.Id),
            AccessLogTestData.Event(now.AddMinutes(-30), AccessEventKind.LoginFailed));
        var requestId = await host.Portal.WithServiceAsync<long, MemberSupportRequests>(requests =>
            requests.OpenAsync(member, "customer-center", "Rechnung", "Bitte die Rechnung erneut senden.", [], CancellationToken.None));
        return new StaffAreaSample(adminEmail, member, requestId);
    }

    /// <summary>A page of a new browser context, the Admin signed in.</summary>
    public async Task<IPage> SignedInPageAsync(BrowserHost host, IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await StaffBrowserLogin.SignInAsync(host, page, AdminEmail);
        return page;
    }
}
