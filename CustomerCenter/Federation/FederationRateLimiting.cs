using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using CustomerCenter.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CustomerCenter.Federation;

/// <summary>
/// Limits on the provider's endpoints, counted like the form limits (per client network, in Redis when configured).
/// They run before authentication: OpenIddict answers its endpoints there (it checks a client secret, or the whole
/// revocation request, before any endpoint runs), so a limiter after it would never see a secret being guessed.
/// Browser endpoints (authorize with its consent post, end-session) count per client network. The token endpoint is
/// called by a site's server, many members behind one address, so it counts per client_id and network with a larger
/// budget, and all client ids of one network together get <see cref="TokenNetworkFactor"/> times that, so that made-up
/// client ids buy no extra attempts. Userinfo and revocation, also called by servers, count per network.
/// </summary>
internal static class FederationRateLimiting
{
    /// <summary>How many clients' token budgets one network may use up together.</summary>
    public const int TokenNetworkFactor = 4;

    private static readonly object ClientIdItem = new();
    private static readonly object BudgetItem = new();
    private static readonly int RetryAfterSeconds = (int)PerMinuteLimits.Window.TotalSeconds;

    private enum Budget { None, Browser, Token, Api }

    public static WebApplication UseFederationRateLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var perMinute = new PerMinuteLimits(app.Services.GetRequiredService<IOptions<RedisOptions>>().Value, app.Services.GetRequiredService<RedisConnection>());
        RateLimitPartition<string> Partition(string key, int permits) => perMinute.Partition($"oidc|{key}", permits);

        var options = new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var network = ClientNetwork.Of(context.Connection.RemoteIpAddress);
                    return BudgetOf(context) switch
                    {
                        Budget.Browser => Partition($"browser|{network}", limits.FederationBrowserPerMinute),
                        Budget.Token => Partition($"token|{context.Items[ClientIdItem]}|{network}", limits.FederationTokenPerMinute),
                        Budget.Api => Partition($"api|{network}", limits.FederationApiPerMinute),
                        _ => RateLimitPartition.GetNoLimiter("not an OIDC endpoint"),
                    };
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context => BudgetOf(context) == Budget.Token
                    ? Partition($"token-network|{ClientNetwork.Of(context.Connection.RemoteIpAddress)}", limits.FederationTokenPerMinute * TokenNetworkFactor)
                    : RateLimitPartition.GetNoLimiter("not the token endpoint"))),
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = (rejected, cancellationToken) => RejectAsync(rejected.HttpContext, cancellationToken),
        };

        app.UseWhen(context => BudgetOf(context) != Budget.None, branch =>
        {
            branch.Use(async (context, next) =>
            {
                if (BudgetOf(context) == Budget.Token)
                {
                    context.Items[ClientIdItem] = await ClientIdOfAsync(context.Request);
                }

                await next(context);
            });
            branch.UseRateLimiter(options);
        });
        return app;
    }

    /// <summary>
    /// The request's budget, worked out once per path and kept on the request (the limiters and the rejection ask again).
    /// Per path: a status page re-executed for a 401 runs the pipeline again on its own path, which is no endpoint's.
    /// </summary>
    private static Budget BudgetOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.Items.TryGetValue(BudgetItem, out var known) && known is (PathString knownPath, Budget budget) && knownPath == path)
        {
            return budget;
        }

        budget = BudgetOfPath(context.Request);
        context.Items[BudgetItem] = (path, budget);
        return budget;
    }

    private static Budget BudgetOfPath(HttpRequest request)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        return path switch
        {
            _ when Is(path, FederationPaths.Authorization) || Is(path, FederationPaths.EndSession) => Budget.Browser,
            _ when Is(path, FederationPaths.Token) => Budget.Token,
            _ when Is(path, FederationPaths.UserInfo) || Is(path, FederationPaths.Revocation) => Budget.Api,
            _ => Budget.None,
        };
    }

    // OpenIddict matches its endpoint paths without regard to case.
    private static bool Is(string path, string endpoint) => string.Equals(path, endpoint, StringComparison.OrdinalIgnoreCase);

    /// <summary>The client_id of a token request: the form's (client_secret_post, public clients) or HTTP Basic's (client_secret_basic).</summary>
    private static async Task<string> ClientIdOfAsync(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                // RFC 6749 §2.3.1: the client id is form-encoded before it goes into the header.
                var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                return Bounded(Uri.UnescapeDataString(credentials.Split(':', 2)[0].Replace('+', ' ')));
            }
            catch (FormatException)
            {
                return "?";
            }
        }

        // The only body OpenIddict reads (RFC 6749 §3.2): a multipart one it refuses unread, and so does this.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return "?";
        }

        try
        {
            // Read once here; the form stays on the request for OpenIddict.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return Bounded(form["client_id"].ToString());
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body that is no form: OpenIddict answers it as it would without the limit.
            return "?";
        }
    }

    /// <summary>No client id, or one no site could have, is counted as "?": part of the key is chosen by the caller.</summary>
    private static string Bounded(string clientId) => ClientIds.IsPlausible(clientId) ? clientId : "?";

    private static async ValueTask RejectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (BudgetOf(context) == Budget.Browser)
        {
            // The site asked for a language (ui_locales): the member reads this page in it, as the login page would be.
            if (ProviderLogin.LanguageOf(context.Request.Query[OpenIddictConstants.Parameters.UiLocales]) is { } language)
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            }

            await PlainPage.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests_Title", "TooManyRequests_Text");
            return;
        }

        // OAuth's error shape (RFC 6749 §5.2), as OpenIddict answers every other refusal at these endpoints.
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(
            new Dictionary<string, string>
            {
                ["error"] = "temporarily_unavailable",
                ["error_description"] = $"Too many requests; retry after {RetryAfterSeconds} seconds.",
            },
            cancellationToken);
    }
}
