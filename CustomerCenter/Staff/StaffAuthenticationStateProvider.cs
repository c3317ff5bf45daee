using System.Security.Claims;
using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Staff;

/// <summary>
/// A staff circuit lives long after the request that started it: every minute it checks that the person still
/// exists, is active, has the same security stamp (no password reset since), that the sign-in's server-side session
/// is still open (logout, "end this session", "log out everywhere" do not change the stamp) and that the person still
/// holds a staff role. A removal, lock, erasure or ended session on this instance ends the circuit's access at once
/// (<see cref="StaffAccessRevocations"/>); every staff action checks the roles again anyway (<see cref="StaffPermissions"/>).
/// </summary>
internal sealed class StaffAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly IServiceScopeFactory scopeFactory;
    private readonly StaffAccessRevocations revocations;

    public StaffAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, StaffAccessRevocations revocations)
        : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.revocations = revocations;
        revocations.Revoked += OnRevoked;
        revocations.SessionsEnded += OnSessionsEnded;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<Member>>();
        var member = await signInManager.ValidateSecurityStampAsync(authenticationState.User);
        if (member is not { Status: MemberStatus.Active })
        {
            return false;
        }

        var claims = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var user = authenticationState.User;
        if (MemberSessions.IdOf(user) is not { } sessionId
            || !await scope.ServiceProvider.GetRequiredService<MemberSessions>().IsCurrentAsync(
                member.Id, sessionId, user.FindFirstValue(claims.SecurityStampClaimType), cancellationToken))
        {
            return false;
        }

        var wasStaff = authenticationState.User.IsInRole(StaffRoles.Staff) || authenticationState.User.IsInRole(StaffRoles.Admin);
        if (!wasStaff)
        {
            return true;
        }

        var roles = await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().GetRolesAsync(member);
        return roles.Any(role => role is StaffRoles.Staff or StaffRoles.Admin);
    }

    protected override void Dispose(bool disposing)
    {
        revocations.Revoked -= OnRevoked;
        revocations.SessionsEnded -= OnSessionsEnded;
        base.Dispose(disposing);
    }

    private void OnRevoked(Guid memberId) => SignOutWhen(user => user.FindFirstValue(ClaimTypes.NameIdentifier) == memberId.ToString());

    private void OnSessionsEnded(EndedSessions ended) => SignOutWhen(user =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) == ended.MemberId.ToString() && ended.Includes(MemberSessions.IdOf(user)));

    private async void SignOutWhen(Func<ClaimsPrincipal, bool> lostAccess)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (lostAccess(state.User))
            {
                SetAuthenticationState(Task.FromResult(SignedOut));
            }
        }
        catch (InvalidOperationException)
        {
            // No authentication state yet: the circuit has not started, so there is nothing to take away.
        }
    }
}
