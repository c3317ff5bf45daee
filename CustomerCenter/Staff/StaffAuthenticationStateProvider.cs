using System.Security.Claims;
using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff;

/// <summary>
/// A staff circuit lives long after the request that started it: every minute it checks that the person still
/// exists, is active, has the same security stamp (no password reset since) and still holds a staff role. A removal,
/// lock or erasure on this instance ends the circuit's access at once (<see cref="StaffAccessRevocations"/>); every
/// staff action checks the roles again anyway (<see cref="StaffPermissions"/>).
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
        revocations.Revoked += OnRevokedAsync;
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
        revocations.Revoked -= OnRevokedAsync;
        base.Dispose(disposing);
    }

    private async void OnRevokedAsync(Guid memberId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) == memberId.ToString())
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
