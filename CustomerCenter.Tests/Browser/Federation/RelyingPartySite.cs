using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCenter.Tests.Browser.Federation;

/// <summary>
/// A chamber site that signs members in through the portal with the stock ASP.NET Core OpenID Connect handler and a
/// cookie, nothing of its own: code flow with PKCE, state and nonce checked by the handler, RP-initiated logout. It
/// listens on its own loopback address (127.0.0.x), so two sites are two sites to the browser, cookies included.
/// </summary>
public sealed class RelyingPartySite : IAsyncDisposable
{
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";
    public const string SignInPath = "/signin-oidc-start";

    private readonly WebApplication app;

    private RelyingPartySite(WebApplication app, string clientId, string displayName, string? clientSecret, Uri origin)
    {
        this.app = app;
        ClientId = clientId;
        DisplayName = displayName;
        ClientSecret = clientSecret;
        Origin = origin;
    }

    public string ClientId { get; }

    public string DisplayName { get; }

    /// <summary>Null: a public client, which proves itself with PKCE alone.</summary>
    public string? ClientSecret { get; }

    /// <summary>http://127.0.0.x:port/</summary>
    public Uri Origin { get; }

    public Uri RedirectUri => new(Origin, CallbackPath);

    public Uri PostLogoutRedirectUri => new(Origin, SignedOutCallbackPath);

    /// <summary>The portal, set once it is started (before the first request to this site).</summary>
    public Uri? Portal { get; set; }

    /// <param name="address">127.0.0.x: each site its own host, because cookies do not tell ports apart.</param>
    public static async Task<RelyingPartySite> StartAsync(IPAddress address, string clientId, string displayName, string? clientSecret)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, 0));
        RelyingPartySite? site = null;
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "site-" + clientId;
                // Signed in by the callback inside the embedded form's iframe: the browser stores a cookie from the
                // answer to a request that another site's frame started (the portal posts the code) only when it is
                // SameSite=None — as the handler's own correlation and nonce cookies are. See the README.
                options.Cookie.SameSite = SameSiteMode.None;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            })
            .AddOpenIdConnect(options =>
            {
                options.ClientId = clientId;
                options.ClientSecret = clientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.Scope.Add("email");
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.CallbackPath = CallbackPath;
                options.SignedOutCallbackPath = SignedOutCallbackPath;
                // The portal runs on plain http on loopback in the tests (behind TLS in production).
                options.RequireHttpsMetadata = false;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.UiLocales = "en";
                    return Task.CompletedTask;
                };
            });
        // The portal's address is known only once it is started, after this site (whose addresses it must list).
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure(options => options.Authority = (site?.Portal ?? throw new InvalidOperationException("The portal address is not set.")).AbsoluteUri);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/", (HttpContext context) => Html(site!.DisplayName, Home(context.User)));
        app.MapGet(SignInPath, () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]));
        // A GET is enough for a test site; a real one signs out with an anti-forgery protected post.
        app.MapGet("/signout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/embedded-login", () => Html(site!.DisplayName, $"""
            <div id="snippet" data-customer-center="login" data-lang="en" data-signin-url="{SignInPath}"></div>
            <script src="{WebUtility.HtmlEncode(new Uri(site.Portal!, "embed.js").AbsoluteUri)}" async></script>
            """));
        await app.StartAsync();

        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        site = new RelyingPartySite(app, clientId, displayName, clientSecret, new Uri($"http://{address}:{port}/"));
        return site;
    }

    private static string Home(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? $"""
          <p id="member">Signed in as <span id="name">{WebUtility.HtmlEncode(user.FindFirstValue("name"))}</span>
          (<span id="email">{WebUtility.HtmlEncode(user.FindFirstValue("email"))}</span>)</p>
          <p><a href="/signout">Sign out</a></p>
          """
        : $"""<p id="member">Not signed in</p><p><a href="{SignInPath}">Sign in</a></p>""";

    private static IResult Html(string title, string body) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
        <body><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</body></html>
        """,
        "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
