namespace CustomerCenter.Hosting;

/// <summary>
/// Origins this one response's forms may post to besides the portal itself (CSP <c>form-action</c>), kept on the
/// request next to its script nonce: the OpenID provider's form_post page posts to the site's registered redirect_uri.
/// </summary>
public static class FormActionSources
{
    private static readonly object Key = new();

    /// <summary>Lets this response's forms post to <paramref name="target"/>'s origin (scheme, host and port; no path).</summary>
    public static void Allow(HttpContext context, Uri target)
    {
        if (!target.IsAbsoluteUri)
        {
            throw new ArgumentException("A form target must be an absolute address.", nameof(target));
        }

        if (context.Items[Key] is not List<string> sources)
        {
            sources = [];
            context.Items[Key] = sources;
        }

        var origin = target.GetLeftPart(UriPartial.Authority);
        if (!sources.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            sources.Add(origin);
        }
    }

    /// <summary>The origins allowed for this response, none for most.</summary>
    public static IReadOnlyList<string> Of(HttpContext context) => context.Items[Key] as List<string> ?? [];
}
