using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Tests.Accounts;

/// <summary>Issue 12 item 3: two devices logging in at the same second both get in.</summary>
public sealed class ConcurrentLoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Parallel = 16;

    [Fact]
    public async Task Sixteen_parallel_correct_logins_of_one_member_all_succeed_and_the_first_login_stays_first()
    {
        const string email = "parallel.login@example.de";
        using (var setUp = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setUp, email);
        }

        var firstLogin = await FirstLoginAsync(email);
        portal.Clock.Advance(TimeSpan.FromHours(1));

        var results = await LogInInParallelAsync(email, MemberJourney.GoodPassword);

        Assert.All(results, page => Assert.Equal("/account", page.RedirectTarget));
        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.Equal(firstLogin, member.FirstLoginAt);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, member.LastLoginAt);
    }

    [Fact]
    public async Task Sixteen_parallel_wrong_passwords_all_answer_400_and_still_lock_the_account()
    {
        const string email = "parallel.guess@example.de";
        using (var setUp = portal.CreatePortalClient())
        {
            await portal.CreateMemberAsync(setUp, email);
        }

        var results = await LogInInParallelAsync(email, "a wrong password, guessed in parallel");

        Assert.All(results, page => Assert.Equal(HttpStatusCode.BadRequest, page.Status));
        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.True(member.LockoutEnd > portal.Clock.GetUtcNow(), "parallel guesses must not lose failure counts");
        using var owner = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.LogInAsync(email)).Status);

        // Exactly one of the parallel failures is the one that locked: one lockout mail, not several.
        var lockMail = await portal.Mail.WaitForAsync(email, 2);
        var marker = $"marker.{Guid.NewGuid():N}@example.de";
        await owner.RequestAccessAsync(marker);
        await portal.Mail.WaitForAsync(marker);
        Assert.Single(portal.Mail.To(email), m => m.Subject == lockMail.Subject);
    }

    /// <summary>Each client loads the login page first, so every post carries its own anti-forgery token.</summary>
    private async Task<PortalPage[]> LogInInParallelAsync(string email, string password)
    {
        var clients = Enumerable.Range(0, Parallel).Select(_ => portal.CreatePortalClient()).ToArray();
        try
        {
            var pages = await Task.WhenAll(clients.Select(c => c.GetAsync("/embed/login")));
            var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
            return await Task.WhenAll(clients.Select((c, i) => c.SubmitAsync(pages[i], fields)));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private Task<DateTime?> FirstLoginAsync(string email) =>
        portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.FirstLoginAt).SingleAsync());
}
