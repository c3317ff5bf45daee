using CustomerCenter.Accounts;
using CustomerCenter.Localization;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// Sends a member without a (fresh enough) session to the portal's own login page, full page, which returns to the
/// authorization request afterwards. The request is carried as a local return URL, so the login page's open-redirect
/// check (<see cref="LocalUrl"/>) applies to it as to any other.
/// </summary>
internal static class ProviderLogin
{
    public static string RedirectFor(HttpRequest request, OpenIddictRequest authorization)
    {
        // prompt=login is satisfied by this very login: the request we return to must not ask for it again (a loop).
        var prompts = authorization.GetPromptValues().Remove(PromptValues.Login);
        var parameters = request.Query
            .Where(parameter => parameter.Key != Parameters.Prompt)
            .Select(parameter => KeyValuePair.Create(parameter.Key, parameter.Value))
            .ToList();
        if (prompts.Length > 0)
        {
            parameters.Add(KeyValuePair.Create(Parameters.Prompt, new Microsoft.Extensions.Primitives.StringValues(string.Join(' ', prompts))));
        }

        var returnUrl = request.PathBase + request.Path + QueryString.Create(parameters);
        var login = new Dictionary<string, string?> { ["returnUrl"] = returnUrl };
        if (LanguageOf(authorization.UiLocales) is { } language)
        {
            login[PortalLanguages.QueryParameter] = language;
        }

        return QueryHelpers.AddQueryString(request.PathBase + LoginRedirects.MemberLoginPath, login);
    }

    /// <summary>The first of the site's <c>ui_locales</c> (BCP 47, in order of preference) the portal speaks; "ja-JP" is ja.</summary>
    public static string? LanguageOf(string? uiLocales) =>
        uiLocales?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(PortalLanguages.IsSupported);
}
