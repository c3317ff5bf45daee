using Microsoft.AspNetCore.Http.Features;

namespace CustomerCenter.Hosting;

/// <summary>
/// Answers HEAD like GET: the pages are Razor component endpoints and the minimal-API endpoints are GET only, so a
/// HEAD found no endpoint (405/404). Runs as a startup filter, before routing, so the request is routed as GET; the
/// body is discarded, and the method is HEAD again when the response starts, so the server sends headers only.
/// </summary>
internal sealed class HeadRequests : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await nextMiddleware(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            context.Response.OnStarting(() =>
            {
                context.Request.Method = HttpMethods.Head;
                return Task.CompletedTask;
            });
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
                context.Features.Set(body);
            }
        });
        next(app);
    };
}
