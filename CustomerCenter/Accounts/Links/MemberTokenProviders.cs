using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Accounts.Links;

/// <summary>
/// Identity's data-protection token provider, once per kind of link, each with its own lifetime and purpose, so a
/// token minted for one link is worthless for another. All are bound to the security stamp: single use.
/// </summary>
public static class MemberTokenProviders
{
    /// <summary>Create access (double opt-in): 3 days (DESIGN §2).</summary>
    public const string SetPassword = "SetPassword";

    /// <summary>Forgot password: 2 hours.</summary>
    public const string ResetPassword = "ResetPassword";

    /// <summary>Confirm a new e-mail address: 1 day.</summary>
    public const string ChangeEmail = "ChangeEmail";

    public static readonly TimeSpan ChangeEmailLifetime = TimeSpan.FromDays(1);

    public static IdentityBuilder AddMemberTokenProviders(this IdentityBuilder identity)
    {
        identity.Services.Configure<SetPasswordTokenOptions>(o => (o.Name, o.TokenLifespan) = (SetPassword, TimeSpan.FromDays(3)));
        identity.Services.Configure<ResetPasswordTokenOptions>(o => (o.Name, o.TokenLifespan) = (ResetPassword, TimeSpan.FromHours(2)));
        identity.Services.Configure<ChangeEmailTokenOptions>(o => (o.Name, o.TokenLifespan) = (ChangeEmail, ChangeEmailLifetime));
        return identity
            .AddTokenProvider<SetPasswordTokenProvider>(SetPassword)
            .AddTokenProvider<ResetPasswordTokenProvider>(ResetPassword)
            .AddTokenProvider<ChangeEmailTokenProvider>(ChangeEmail);
    }

    internal sealed class SetPasswordTokenOptions : DataProtectionTokenProviderOptions;

    internal sealed class ResetPasswordTokenOptions : DataProtectionTokenProviderOptions;

    internal sealed class ChangeEmailTokenOptions : DataProtectionTokenProviderOptions;

    internal sealed class SetPasswordTokenProvider(IDataProtectionProvider protection, IOptions<SetPasswordTokenOptions> options, ILogger<DataProtectorTokenProvider<Member>> logger)
        : DataProtectorTokenProvider<Member>(protection, options, logger);

    internal sealed class ResetPasswordTokenProvider(IDataProtectionProvider protection, IOptions<ResetPasswordTokenOptions> options, ILogger<DataProtectorTokenProvider<Member>> logger)
        : DataProtectorTokenProvider<Member>(protection, options, logger);

    internal sealed class ChangeEmailTokenProvider(IDataProtectionProvider protection, IOptions<ChangeEmailTokenOptions> options, ILogger<DataProtectorTokenProvider<Member>> logger)
        : DataProtectorTokenProvider<Member>(protection, options, logger);
}
