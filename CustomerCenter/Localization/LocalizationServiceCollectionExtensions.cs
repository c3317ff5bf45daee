using System.Globalization;
using CustomerCenter.Embedding;
using Microsoft.AspNetCore.Localization;

namespace CustomerCenter.Localization;

public static class LocalizationServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = PortalLanguages.All.Select(code => new CultureInfo(code)).ToList();
            options.DefaultRequestCulture = new RequestCulture(PortalLanguages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CustomerLangCultureProvider()];
        });
        return builder;
    }

    /// <summary>Applies the request's language and remembers a language chosen by ?lang= in the customerLang cookie.</summary>
    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            string? chosen = context.Request.Query[PortalLanguages.QueryParameter];
            if (PortalLanguages.IsSupported(chosen) && context.Request.Cookies[PortalLanguages.CookieName] != chosen && !IsFramedByThePortal(context.Request))
            {
                context.Response.Cookies.Append(PortalLanguages.CookieName, chosen!, PartitionedCookie.Options(httpOnly: false));
            }

            return next(context);
        });
    }

    /// <summary>
    /// A frame inside one of the portal's own pages: the staff area's preview of the embed, which shows a form in the
    /// snippet's language. Its cookie is the staff user's own (the same site, so the same partition), and remembering
    /// the preview's language would switch their staff pages to it. On a chamber's page the frame is cross-site.
    /// </summary>
    private static bool IsFramedByThePortal(HttpRequest request) =>
        request.Headers["Sec-Fetch-Dest"] == "iframe" && request.Headers["Sec-Fetch-Site"] == "same-origin";
}
