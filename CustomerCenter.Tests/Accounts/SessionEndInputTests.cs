using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

/// <summary>A malformed session id in "end this session" is no 500, also where Development throws on bad requests.</summary>
public sealed class SessionEndInputTests
{
    [Theory]
    [InlineData("Testing")]
    [InlineData("Development")]
    public async Task A_malformed_session_id_changes_nothing_and_leads_back_to_the_list(string environment)
    {
        using var portal = new PortalFactory().With("environment", environment);
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "malformed.session@example.de");

        var ended = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string> { ["session"] = "x" }, action: "account/sessions/end");

        Assert.Equal("/account#sessions", ended.RedirectTarget);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/account")).Status);
    }
}
