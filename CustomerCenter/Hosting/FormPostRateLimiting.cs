using System.Threading.RateLimiting;
using CustomerCenter.Operations;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CustomerCenter.Hosting;

/// <summary>
/// Form posts allowed per client and minute. The limit belongs to the endpoint a post reaches, not to how its path was
/// spelled: the login page carries <c>[EnableRateLimiting(Login)]</c>, so <c>/EMBED/LOGIN</c>, <c>/embed/login/</c> and
/// <c>/staff/login</c> all count as logins. Posts to endpoints without a policy share the "other" limit.
/// With <c>Redis:Configuration</c> the counts live in Redis and every instance shares them; without it each instance
/// counts in its own memory, so N instances behind a load balancer allow N times the limit.
/// </summary>
internal static class FormPostRateLimiting
{
    public const string LoginPolicy = "login";

    /// <summary>Create access and forgot password: each post sends a mail.</summary>
    public const string MailingPolicy = "mailing";

    public static WebApplicationBuilder AddFormPostRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section)
            .Validate(IsParsable, $"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)} is not a StackExchange.Redis configuration string (host:port,option=value,…).")
            .ValidateOnStart();
        builder.Services.AddSingleton<RedisConnection>();
        if (new RedisOptions { Configuration = builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"] }.IsConfigured)
        {
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [OperationsHealth.ReadyTag]);
        }

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<RedisOptions>, RedisConnection>((options, limits, redisOptions, redis) =>
        {
            var counter = new ClientCounter(redisOptions.Value, redis);
            options.AddPolicy(LoginPolicy, context => counter.PerClient(context, LoginPolicy, limits.Value.LoginPerMinute));
            options.AddPolicy(MailingPolicy, context => counter.PerClient(context, MailingPolicy, limits.Value.MailingFormsPerMinute));
            // The global limiter runs in addition to an endpoint's policy: it leaves endpoints with their own policy alone.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                    ? counter.PerClient(context, "other", limits.Value.OtherPostsPerMinute)
                    : RateLimitPartition.GetNoLimiter("endpoint policy"));
            options.OnRejected = async (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await PlainPage.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests_Title", "TooManyRequests_Text");
            };
        });
        return builder;
    }

    private static bool IsParsable(RedisOptions options)
    {
        if (!options.IsConfigured)
        {
            return true;
        }

        try
        {
            ConfigurationOptions.Parse(options.Configuration!);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class ClientCounter(RedisOptions options, RedisConnection redis)
    {
        private readonly PerMinuteLimits limits = new(options, redis);

        /// <summary>Reading pages is never limited; form posts are counted per client network.</summary>
        public RateLimitPartition<string> PerClient(HttpContext context, string kind, int permitsPerMinute) =>
            FormPostGuard.IsFormPost(context)
                ? limits.Partition($"{kind}|{ClientNetwork.Of(context.Connection.RemoteIpAddress)}", permitsPerMinute)
                : RateLimitPartition.GetNoLimiter("not a form post");
    }
}
