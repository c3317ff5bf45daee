namespace CustomerCenter.Tests.Infrastructure;

/// <summary>The steps a member takes, for tests whose subject comes after them.</summary>
public static class MemberJourney
{
    public const string GoodPassword = "correct horse battery staple";

    public static async Task<PortalPage> RequestAccessAsync(this PortalClient client, string email)
    {
        var page = await client.GetAsync("/embed/create-access");
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
    }

    public static async Task<PortalPage> SetPasswordAsync(this PortalClient client, string link, string password = GoodPassword, string firstName = "Hanna", string lastName = "Schmidt")
    {
        var page = await client.GetAsync(link);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.FirstName"] = firstName,
            ["Input.LastName"] = lastName,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.AcceptTerms"] = "true",
        });
    }

    /// <summary>Creates access through the real pages and mail; the client ends up signed in.</summary>
    public static async Task<PortalPage> CreateMemberAsync(this PortalFactory portal, PortalClient client, string email, string password = GoodPassword)
    {
        var before = portal.Mail.To(email).Count();
        await client.RequestAccessAsync(email);
        var mail = await portal.Mail.WaitForAsync(email, before + 1);
        return await client.SetPasswordAsync(mail.Link, password);
    }

    public static async Task<PortalPage> LogInAsync(this PortalClient client, string email, string password = GoodPassword)
    {
        var page = await client.GetAsync("/embed/login");
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static async Task<PortalPage> LogOutAsync(this PortalClient client)
    {
        var page = await client.GetAsync("/account");
        return await client.SubmitAsync(page, new Dictionary<string, string>(), handler: null, action: "/account/logout");
    }
}
