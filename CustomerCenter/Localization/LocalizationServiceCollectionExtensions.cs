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
            if (PortalLanguages.IsSupported(chosen) && context.Request.Cookies[PortalLanguages.CookieName] != chosen)
            {
                context.Response.Cookies.Append(PortalLanguages.CookieName, chosen!, PartitionedCookie.Options(httpOnly: false));
            }

            return next(context);
        });
    }
}
