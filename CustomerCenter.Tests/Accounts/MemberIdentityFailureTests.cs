using System.Net;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>
/// What a member changes about themselves and Identity refuses is reported as not done, changes nothing and is not
/// recorded as done.
/// </summary>
public sealed class MemberIdentityFailureTests : IDisposable
{
    private readonly FailingIdentityPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_name_change_Identity_refuses_says_so_and_keeps_the_old_name()
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, "refused.name@example.de");
        var before = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == "refused.name@example.de"));
        portal.Failures.RefuseUpdates = true;

        var renamed = await client.SubmitAsync(await client.GetAsync("/account"), new Dictionary<string, string>
        {
            ["NameInput.FirstName"] = "Johanna",
            ["NameInput.LastName"] = "Schmidt-Weber",
        }, handler: "profile");

        Assert.Contains("Ihre Änderung konnte nicht gespeichert werden.", renamed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ihr Name wurde gespeichert.", renamed.Text, StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Contains("value=\"Schmidt-Weber\"", renamed.Html, StringComparison.Ordinal);
        // The greeting keeps the name that is stored.
        Assert.Contains($"Willkommen, {before.FirstName} {before.LastName}", renamed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Willkommen, Johanna", renamed.Text, StringComparison.Ordinal);
        var after = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Id == before.Id));
        Assert.Equal((before.FirstName, before.LastName), (after.FirstName, after.LastName));
    }

    [Fact]
    public async Task An_erasure_whose_deletion_fails_says_so_deletes_nothing_records_nothing_and_keeps_the_member_signed_in()
    {
        const string email = "failed.erase@example.de";
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        portal.Failures.FailDeletes = true;

        var failed = await client.SubmitAsync(await client.GetAsync("/account/data"), new Dictionary<string, string> { ["EraseInput.Password"] = MemberJourney.GoodPassword }, handler: "erase");

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Contains("Ihr Zugang konnte nicht gelöscht werden.", failed.Text, StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == email)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.AccountErased || e.Kind == AccessEventKind.Logout)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).Status);

        portal.Failures.FailDeletes = false;
        var erased = await client.SubmitAsync(await client.GetAsync("/account/data"), new Dictionary<string, string> { ["EraseInput.Password"] = MemberJourney.GoodPassword }, handler: "erase");

        Assert.Equal("/embed/login?erased=true", erased.RedirectTarget);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == email)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.AccountErased)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task An_activation_Identity_refuses_leaves_the_member_invited_records_nothing_and_the_link_still_works()
    {
        const string email = "refused.activation@example.de";
        using var client = portal.CreatePortalClient();
        await client.RequestAccessAsync(email);
        var link = (await portal.Mail.WaitForAsync(email)).Link;
        portal.Failures.RefuseActivations = true;

        var refused = await client.SetPasswordAsync(link);

        // Said as it is: not stored, the link still works (not "this link is no longer valid").
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Ihr Zugang konnte nicht angelegt werden.", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dieser Link ist nicht mehr gültig", refused.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"Hanna\"", refused.Html, StringComparison.Ordinal);
        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.Equal((MemberStatus.Invited, null), (member.Status, member.PasswordHash));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.AccessCreated)));

        portal.Failures.RefuseActivations = false;
        var activated = await client.SetPasswordAsync(link);

        Assert.Equal("/account", activated.RedirectTarget);
        Assert.Equal(MemberStatus.Active, await portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Status).SingleAsync()));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.AccessCreated)));
    }
}
