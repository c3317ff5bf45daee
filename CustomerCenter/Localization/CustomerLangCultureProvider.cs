using Microsoft.AspNetCore.Localization;

namespace CustomerCenter.Localization;

/// <summary>Reads the language from ?lang= (the embed snippet passes it) or else from the customerLang cookie.</summary>
internal sealed class CustomerLangCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var code = LanguageFrom(httpContext.Request);
        return Task.FromResult(code is null ? null : new ProviderCultureResult(code));
    }

    public static string? LanguageFrom(HttpRequest request)
    {
        string? query = request.Query[PortalLanguages.QueryParameter];
        if (PortalLanguages.IsSupported(query))
        {
            return query;
        }

        var cookie = request.Cookies[PortalLanguages.CookieName];
        return PortalLanguages.IsSupported(cookie) ? cookie : null;
    }
}
