using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Hosting;

/// <summary>
/// Form posts allowed per client and minute. The limit belongs to the endpoint a post reaches, not to how its path was
/// spelled: the login page carries <c>[EnableRateLimiting(Login)]</c>, so <c>/EMBED/LOGIN</c>, <c>/embed/login/</c> and
/// <c>/staff/login</c> all count as logins. Posts to endpoints without a policy share the "other" limit.
/// </summary>
internal static class FormPostRateLimiting
{
    public const string LoginPolicy = "login";

    /// <summary>Create access and forgot password: each post sends a mail.</summary>
    public const string MailingPolicy = "mailing";

    public static WebApplicationBuilder AddFormPostRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            options.AddPolicy(LoginPolicy, context => PerClient(context, LoginPolicy, limits.Value.LoginPerMinute));
            options.AddPolicy(MailingPolicy, context => PerClient(context, MailingPolicy, limits.Value.MailingFormsPerMinute));
            // The global limiter runs in addition to an endpoint's policy: it leaves endpoints with their own policy alone.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                    ? PerClient(context, "other", limits.Value.OtherPostsPerMinute)
                    : RateLimitPartition.GetNoLimiter("endpoint policy"));
            options.OnRejected = async (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await PlainPage.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests_Title", "TooManyRequests_Text");
            };
        });
        return builder;
    }

    /// <summary>Reading pages is never limited; form posts are counted per client network.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, string kind, int permitsPerMinute) =>
        FormPostGuard.IsFormPost(context)
            ? RateLimitPartition.GetFixedWindowLimiter($"{kind}|{ClientNetwork.Of(context.Connection.RemoteIpAddress)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("not a form post");
}
