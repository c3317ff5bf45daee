using CustomerCenter.Accounts.Links;
using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Data;
using CustomerCenter.Embedding;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string LoginCookieName = "OnlineLogin";
    public const string AntiforgeryCookieName = "SoAuth.Xsrf";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasswordRulesOptions>().BindConfiguration(PasswordRulesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConsentOptions>().BindConfiguration(ConsentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var minimumLength = builder.Configuration.GetValue($"{PasswordRulesOptions.Section}:{nameof(PasswordRulesOptions.MinimumLength)}", new PasswordRulesOptions().MinimumLength);

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                PartitionedCookie.Apply(options.Cookie, LoginCookieName, httpOnly: true);
                options.LoginPath = LoginRedirects.MemberLoginPath;
                options.Events.OnRedirectToLogin = LoginRedirects.ToLoginAsync;
                options.Events.OnRedirectToAccessDenied = LoginRedirects.ForbiddenAsync;
                options.ExpireTimeSpan = MemberSessions.IdleLifetime;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = MemberSessionValidator.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddAntiforgery(options =>
        {
            PartitionedCookie.Apply(options.Cookie, AntiforgeryCookieName, httpOnly: true);
            // Antiforgery throws for SecurePolicy=Always on a plain-http request, which includes http://localhost
            // (a secure context for browsers, used in development and the cross-site tests). Secure is written as
            // a raw attribute instead, so the cookie is Secure on every request all the same.
            options.Cookie.SecurePolicy = CookieSecurePolicy.None;
            options.Cookie.Extensions.Add("Secure");
            // The portal is meant to be framed; who may frame it is said by CSP frame-ancestors instead.
            options.SuppressXFrameOptionsHeader = true;
        });

        services.AddIdentityCore<Member>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
                options.Password.RequiredLength = minimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.PasswordResetTokenProvider = MemberTokenProviders.ResetPassword;
                options.Tokens.ChangeEmailTokenProvider = MemberTokenProviders.ChangeEmail;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CustomerCenterDb>()
            .AddSignInManager()
            .AddMemberTokenProviders()
            .AddPasswordValidator<PasswordPolicyIdentityValidator>();

        services.AddSingleton<LeakedPasswords>();
        services.AddSingleton<PasswordGuessability>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<PassphraseExamples>();
        services.AddValidatorsFromAssemblyContaining<AccessRequests>(ServiceLifetime.Singleton);
        services.AddScoped<MemberLinks>();
        services.AddSingleton<LinkReturnUrls>();
        services.AddScoped<AccessRequests>();
        services.AddScoped<MemberSignIn>();
        services.AddScoped<LoginLockout>();
        services.AddScoped<MemberSessions>();
        services.AddScoped<AccessActivation>();
        services.AddScoped<ProfileChanges>();
        services.AddScoped<PendingEmailChanges>();
        services.AddSingleton<EmailRevertTokens>();
        services.AddScoped<EmailChangeReverts>();
        services.AddScoped<MemberDataRights>();
        return builder;
    }
}
