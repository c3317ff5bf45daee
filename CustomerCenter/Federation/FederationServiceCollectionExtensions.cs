using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Federation.Keys;
using CustomerCenter.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerCenter.Federation;

public static class FederationServiceCollectionExtensions
{
    /// <summary>Authorization codes are exchanged by the site's server at once; a minute covers a slow network (issue 14).</summary>
    public static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromSeconds(60);

    /// <summary>Short, because an access token cannot be recalled from a site that cached it (issue 14).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    public static WebApplicationBuilder AddFederation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FederationOptions>().BindConfiguration(FederationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FederationOptions>, FederationOptionsValidator>();
        var refreshTokenLifetime = builder.Configuration.GetValue($"{FederationOptions.Section}:{nameof(FederationOptions.RefreshTokenLifetime)}", new FederationOptions().RefreshTokenLifetime);
        var development = builder.Environment.IsDevelopment();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<CustomerCenterDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(Relative(FederationPaths.Authorization))
                    .SetTokenEndpointUris(Relative(FederationPaths.Token))
                    .SetUserInfoEndpointUris(Relative(FederationPaths.UserInfo))
                    .SetRevocationEndpointUris(Relative(FederationPaths.Revocation))
                    .SetEndSessionEndpointUris(Relative(FederationPaths.EndSession))
                    .SetJsonWebKeySetEndpointUris(Relative(FederationPaths.Jwks));

                // The code flow alone: no implicit or hybrid flow (tokens in URLs), no password grant (sites never see passwords).
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.OfflineAccess);
                server.RegisterClaims(
                    Claims.Subject, Claims.Email, Claims.EmailVerified, Claims.GivenName, Claims.FamilyName, Claims.Name,
                    Claims.Locale, Claims.UpdatedAt, Claims.AuthenticationTime);
                server.SetAuthorizationCodeLifetime(AuthorizationCodeLifetime)
                    .SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetIdentityTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(refreshTokenLifetime);
                server.Configure(options =>
                {
                    // "plain" sends the verifier itself as the challenge: it protects nothing a network observer sees.
                    options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
                });

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (development)
                {
                    // `dotnet run` listens on plain http; behind the production proxy requests arrive as https.
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                server.AddEventHandler(RequireTrustedIssuer.Descriptor);
                server.AddEventHandler(FormPostResponse.Descriptor);
                server.AddEventHandler(RefuseControlCharacters<ValidateAuthorizationRequestContext>.Descriptor);
                server.AddEventHandler(RefuseControlCharacters<ValidateTokenRequestContext>.Descriptor);
                server.AddEventHandler(RefuseControlCharacters<ValidateEndSessionRequestContext>.Descriptor);
                server.AddEventHandler(RefuseControlCharacters<ValidateRevocationRequestContext>.Descriptor);
                server.AddEventHandler(RefuseControlCharacters<ValidateUserInfoRequestContext>.Descriptor);
            });

        // OpenIddict's log is held at Warning by Hosting.PinnedLogCategories: below it, it carries codes and tokens.
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, IssuerFromPublicUrl>();
        services.AddOptions<FederationKeyOptions>().BindConfiguration(FederationKeyOptions.Section)
            .Validate(keys => keys.RefreshInterval > TimeSpan.Zero && keys.PublishAhead > keys.RefreshInterval && keys.Rotation > keys.PublishAhead,
                $"{FederationKeyOptions.Section}: RefreshInterval must be positive, PublishAhead longer than RefreshInterval, Rotation longer than PublishAhead.")
            .ValidateOnStart();
        services.AddSingleton<FederationKeyRing>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(provider => provider.GetRequiredService<FederationKeyRing>());
        services.AddSingleton<KeysFromRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(provider => provider.GetRequiredService<KeysFromRing>());
        // Registered after AddServer, so it runs after OpenIddict's own post-configuration.
        services.AddSingleton<IPostConfigureOptions<OpenIddictServerOptions>>(provider => provider.GetRequiredService<KeysFromRing>());
        services.AddSingleton<ConfiguredSites>();
        services.AddSingleton<FederationReadiness>();
        services.AddHostedService<FederationKeyRefresher>();
        services.AddHealthChecks().AddCheck<FederationReadinessHealthCheck>("federation", tags: [CustomerCenter.Operations.OperationsHealth.ReadyTag]);
        services.AddScoped<SiteAuthorizations>();
        services.AddScoped<SiteNames>();
        services.AddScoped<SiteRegistry>();
        services.AddScoped<CustomerCenter.Embedding.IFramingSites, SiteFramingOrigins>();
        services.AddScoped<IMemberGrants, MemberGrants>();
        services.AddScoped<AuthorizationEndpoint>();
        services.AddScoped<TokenEndpoint>();
        services.AddScoped<UserInfoEndpoint>();
        services.AddScoped<EndSessionEndpoint>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFederation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FederationPaths.Authorization, (HttpContext context, AuthorizationEndpoint endpoint) => endpoint.HandleAsync(context));
        endpoints.MapPost(FederationPaths.Authorization, (HttpContext context, AuthorizationEndpoint endpoint) => endpoint.HandleConsentAsync(context))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        endpoints.MapPost(FederationPaths.Token, (HttpContext context, TokenEndpoint endpoint) => endpoint.HandleAsync(context));
        endpoints.MapMethods(FederationPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], (HttpContext context, UserInfoEndpoint endpoint) => endpoint.HandleAsync(context));
        endpoints.MapGet(FederationPaths.EndSession, (HttpContext context, EndSessionEndpoint endpoint) => endpoint.HandleGetAsync(context));
        endpoints.MapPost(FederationPaths.EndSession, (HttpContext context, EndSessionEndpoint endpoint) => endpoint.HandlePostAsync(context))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static string Relative(string path) => path.TrimStart('/');
}
