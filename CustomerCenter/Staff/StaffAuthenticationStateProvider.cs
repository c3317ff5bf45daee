using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff;

/// <summary>
/// A staff circuit lives long after the request that started it: every few minutes it checks that the person still
/// exists, is active, has the same security stamp (no password reset since) and still holds a staff role.
/// </summary>
internal sealed class StaffAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

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
}
