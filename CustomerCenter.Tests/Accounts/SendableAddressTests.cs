using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Accounts;

/// <summary>The forms check an address with the parser that sends the mail, so no accepted address fails in the queue.</summary>
public sealed class SendableAddressTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/embed/create-access")]
    [InlineData("/embed/forgot-password")]
    public async Task An_address_the_mail_library_refuses_is_refused_by_the_form_with_the_value_kept(string form)
    {
        using var client = portal.CreatePortalClient();

        var posted = await client.SubmitAsync(await client.GetAsync(form), new Dictionary<string, string> { ["Input.Email"] = "a.@x.example" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal("An diese Adresse können wir keine E-Mail senden. Prüfen Sie sie, z. B. auf einen Punkt direkt vor dem @", posted.ErrorFor("Email"));
        Assert.Equal("a.@x.example", posted.ValueOf("Email"));
        Assert.Empty(portal.Mail.To("a.@x.example"));
    }
}
