using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Hosting;

internal static class FormPostRateLimiting
{
    public static WebApplicationBuilder AddFormPostRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!FormPostGuard.IsFormPost(context))
                {
                    return RateLimitPartition.GetNoLimiter("not a form post");
                }

                var (kind, permits) = context.Request.Path.Value switch
                {
                    "/embed/login" => ("login", limits.Value.LoginPerMinute),
                    "/embed/create-access" or "/embed/forgot-password" => ("mailing", limits.Value.MailingFormsPerMinute),
                    _ => ("other", limits.Value.OtherPostsPerMinute),
                };
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await PlainPage.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests_Title", "TooManyRequests_Text");
            };
        });
        return builder;
    }
}
