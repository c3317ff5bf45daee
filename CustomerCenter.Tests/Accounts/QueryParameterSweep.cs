using System.Reflection;
using CustomerCenter.Embedding;
using Microsoft.AspNetCore.Components;

namespace CustomerCenter.Tests.Accounts;

/// <summary>
/// Every page of the portal reachable by GET without a route value, with every query parameter it reads: the ones its
/// component declares with [SupplyParameterFromQuery], and the ones middleware reads on every page (language, embed
/// context, return URL). Found by reflection, so a page or parameter added later is swept too.
/// </summary>
internal static class QueryParameterSweep
{
    private static readonly string[] ReadOnEveryPage = ["lang", "ReturnUrl", .. EmbedQuery.Carried, EmbedQuery.Email];

    public static IEnumerable<(string Path, IReadOnlyList<string> Parameters)> Pages() =>
        from type in typeof(Program).Assembly.GetTypes()
        where typeof(IComponent).IsAssignableFrom(type)
        from route in type.GetCustomAttributes<RouteAttribute>()
        where !route.Template.Contains('{', StringComparison.Ordinal)
        select (route.Template, (IReadOnlyList<string>)[.. DeclaredParameters(type).Concat(ReadOnEveryPage).Distinct(StringComparer.OrdinalIgnoreCase)]);

    private static IEnumerable<string> DeclaredParameters(Type component) =>
        from property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        let query = property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()
        where query is not null
        select query.Name ?? property.Name;
}
