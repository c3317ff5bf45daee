using System.Reflection;
using System.Security.Claims;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Staff;

/// <summary>Every staff action asks the database who the actor is now, not the principal of the page they opened.</summary>
public sealed class StaffPermissionTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory().With("Portal:PublicUrl", "https://localhost");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_removed_staff_users_action_is_refused_and_leaves_the_member_unchanged()
    {
        var staffId = await StaffAsync("removed.staff@chamber.example");
        var adminId = await StaffAsync("the.admin@chamber.example", StaffRoles.Admin);
        var memberId = await MemberAsync("kept.member@example.de");
        Assert.Equal(StaffActionOutcome.Done, await UseAsync<StaffTeam, StaffActionOutcome>(team => team.RemoveAsync(staffId, adminId)));

        var outcome = await UseAsync<MemberActions, StaffActionOutcome>(actions => actions.LockAsync(memberId, staffId));

        Assert.Equal(StaffActionOutcome.NoLongerStaff, outcome);
        Assert.Equal(MemberStatus.Active, await portal.WithDbAsync(db => db.Users.Where(m => m.Id == memberId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == AccessEventKind.MemberLocked)));
    }

    [Fact]
    public async Task A_removed_staff_users_open_page_loses_its_authentication_state_at_once()
    {
        var staffId = await StaffAsync("open.circuit@chamber.example");
        var adminId = await StaffAsync("remover@chamber.example", StaffRoles.Admin);
        await using var circuit = portal.Services.CreateAsyncScope();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var identity = new ClaimsIdentity([new(ClaimTypes.NameIdentifier, staffId.ToString()), new(ClaimTypes.Role, StaffRoles.Staff)], "Identity.Application");
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        await UseAsync<StaffTeam, StaffActionOutcome>(team => team.RemoveAsync(staffId, adminId));

        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(after.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_staff_users_open_page_loses_its_authentication_state_when_they_log_out_everywhere()
    {
        const string email = "stolen.cookie@chamber.example";
        using var staff = await portal.SignedInStaffAsync(email);
        var (provider, _) = await OpenCircuitAsync(email);
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        var done = await staff.SubmitAsync(await staff.GetAsync("/account"), new Dictionary<string, string>(), action: "account/sessions/end-all");

        Assert.Equal("/embed/login", done.RedirectTarget);
        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(after.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task The_staff_circuits_revalidation_refuses_a_session_ended_elsewhere()
    {
        const string email = "ended.elsewhere@chamber.example";
        using var staff = await portal.SignedInStaffAsync(email);
        var (provider, state) = await OpenCircuitAsync(email);
        Assert.True(await RevalidateAsync(provider, state));

        // Another instance ended the session: no notification reaches this one, only the database says so.
        await portal.WithDbAsync(db => db.MemberSessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, DateTime.UtcNow)));

        Assert.False(await RevalidateAsync(provider, state));
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("erase")]
    [InlineData("reset")]
    [InlineData("unlock")]
    public async Task Staff_acting_on_an_Admin_is_refused_and_changes_nothing(string action)
    {
        var staffId = await StaffAsync("plain.staff@chamber.example");
        var adminId = await StaffAsync("target.admin@chamber.example", StaffRoles.Admin);
        var mailsBefore = portal.Mail.To("target.admin@chamber.example").Count();

        var outcome = await UseAsync<MemberActions, StaffActionOutcome>(actions => action switch
        {
            "lock" => actions.LockAsync(adminId, staffId),
            "erase" => actions.EraseAsync(adminId, staffId),
            "reset" => actions.SendResetLinkAsync(adminId, staffId),
            _ => actions.UnlockAsync(adminId, staffId),
        });

        Assert.Equal(StaffActionOutcome.TargetIsStaff, outcome);
        Assert.Equal(MemberStatus.Active, await portal.WithDbAsync(db => db.Users.Where(m => m.Id == adminId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.ActorId == staffId)));
        Assert.Equal(mailsBefore, portal.Mail.To("target.admin@chamber.example").Count());
    }

    [Fact]
    public async Task Staff_resending_an_invited_Admins_invitation_is_refused()
    {
        var staffId = await StaffAsync("inviting.staff@chamber.example");
        var invited = (await UseAsync<StaffTeam, Member?>(team => team.AddByOperatorAsync("invited.admin@chamber.example", StaffRoles.Admin, "de", CancellationToken.None)))!;
        await portal.Mail.WaitForAsync("invited.admin@chamber.example");

        var outcome = await UseAsync<MemberActions, StaffActionOutcome>(actions => actions.ResendInvitationAsync(invited.Id, staffId));

        Assert.Equal(StaffActionOutcome.TargetIsStaff, outcome);
        Assert.Single(portal.Mail.To("invited.admin@chamber.example"));
    }

    [Fact]
    public async Task An_Admin_may_lock_a_staff_member()
    {
        var staffId = await StaffAsync("locked.staff@chamber.example");
        var adminId = await StaffAsync("locking.admin@chamber.example", StaffRoles.Admin);

        var outcome = await UseAsync<MemberActions, StaffActionOutcome>(actions => actions.LockAsync(staffId, adminId));

        Assert.Equal(StaffActionOutcome.Done, outcome);
        Assert.Equal(MemberStatus.Locked, await portal.WithDbAsync(db => db.Users.Where(m => m.Id == staffId).Select(m => m.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("erase")]
    [InlineData("remove")]
    public async Task An_Admin_acting_on_themselves_is_refused_and_changes_nothing(string action)
    {
        var adminId = await StaffAsync("self.admin@chamber.example", StaffRoles.Admin);
        await StaffAsync("second.admin@chamber.example", StaffRoles.Admin);

        var outcome = await TakeAccessAsync(action, adminId, adminId);

        Assert.Equal(StaffActionOutcome.ActingOnOneself, outcome);
        await AssertStillActiveAdminAsync(adminId);
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("erase")]
    [InlineData("remove")]
    public async Task The_last_active_Admin_cannot_be_locked_erased_or_removed(string action)
    {
        var adminId = await StaffAsync("only.admin@chamber.example", StaffRoles.Admin);
        var lockedAdminId = await StaffAsync("locked.admin@chamber.example", StaffRoles.Admin);
        Assert.Equal(StaffActionOutcome.Done, await UseAsync<MemberActions, StaffActionOutcome>(actions => actions.LockAsync(lockedAdminId, adminId)));

        var outcome = await TakeAccessAsync(action, adminId, adminId);

        Assert.Equal(StaffActionOutcome.LastAdmin, outcome);
        await AssertStillActiveAdminAsync(adminId);
    }

    private Task<StaffActionOutcome> TakeAccessAsync(string action, Guid targetId, Guid actorId) => action switch
    {
        "lock" => UseAsync<MemberActions, StaffActionOutcome>(actions => actions.LockAsync(targetId, actorId)),
        "erase" => UseAsync<MemberActions, StaffActionOutcome>(actions => actions.EraseAsync(targetId, actorId)),
        _ => UseAsync<StaffTeam, StaffActionOutcome>(team => team.RemoveAsync(targetId, actorId)),
    };

    private async Task AssertStillActiveAdminAsync(Guid adminId)
    {
        Assert.Equal(MemberStatus.Active, await portal.WithDbAsync(db => db.Users.Where(m => m.Id == adminId).Select(m => m.Status).SingleAsync()));
        Assert.True(await UseAsync<UserManager<Member>, bool>(async users => await users.IsInRoleAsync((await users.FindByIdAsync(adminId.ToString()))!, StaffRoles.Admin)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.MemberId == adminId && e.ActorId == adminId)));
    }

    [Fact]
    public async Task Staff_may_not_change_the_team_or_the_embedding_sites()
    {
        var staffId = await StaffAsync("ambitious.staff@chamber.example");
        var otherId = await StaffAsync("other.staff@chamber.example");

        Assert.Equal(StaffActionOutcome.AdminsOnly, await UseAsync<StaffTeam, StaffActionOutcome>(team => team.RemoveAsync(otherId, staffId)));
        Assert.Equal(StaffActionOutcome.AdminsOnly, await UseAsync<StaffTeam, StaffActionOutcome>(team => team.AddAsync(staffId, "friend@example.de", StaffRoles.Staff, "de", CancellationToken.None)));
        var (added, _) = await UseAsync<EmbedSiteEdits, (StaffActionOutcome, CustomerCenter.Embedding.OriginProblem?)>(edits => edits.AddAsync("https://www.kammer.example", staffId, CancellationToken.None));
        Assert.Equal(StaffActionOutcome.AdminsOnly, added);
        Assert.Equal(0, await portal.WithDbAsync(db => db.EmbedSites.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(m => m.Email == "friend@example.de")));
    }

    /// <summary>A staff page's circuit holding the principal the staff user's sign-in created (with its session claim).</summary>
    private async Task<(AuthenticationStateProvider Provider, AuthenticationState State)> OpenCircuitAsync(string email)
    {
        var memberId = await IdOfAsync(email);
        var sessionId = await portal.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == memberId && s.EndedAt == null).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync());
        var circuit = portal.Services.CreateAsyncScope();
        var member = (await circuit.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByIdAsync(memberId.ToString()))!;
        var principal = await circuit.ServiceProvider.GetRequiredService<SignInManager<Member>>().CreateUserPrincipalAsync(member);
        ((ClaimsIdentity)principal.Identity!).AddClaim(MemberSessions.ClaimFor(sessionId));
        var state = new AuthenticationState(principal);
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(state));
        return (provider, state);
    }

    private static Task<bool> RevalidateAsync(AuthenticationStateProvider provider, AuthenticationState state) =>
        (Task<bool>)typeof(RevalidatingServerAuthenticationStateProvider)
            .GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(provider, [state, CancellationToken.None])!;

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Guid> StaffAsync(string email, string role = StaffRoles.Staff)
    {
        using var staff = await portal.SignedInStaffAsync(email, role);
        return await IdOfAsync(email);
    }

    private async Task<Guid> MemberAsync(string email)
    {
        using var client = portal.CreatePortalClient();
        await portal.CreateMemberAsync(client, email);
        return await IdOfAsync(email);
    }

    private Task<Guid> IdOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
}
