using System.Security.Cryptography;

namespace CustomerCenter.Hosting;

/// <summary>
/// The nonce of this response's CSP <c>script-src</c>: every &lt;script&gt; the portal renders carries it, and no other
/// script runs (<c>'strict-dynamic'</c> lets the scripts that carry it load theirs). New for every response.
/// </summary>
public sealed class ScriptNonce(IHttpContextAccessor httpContextAccessor)
{
    private static readonly object Key = new();

    public string Value => httpContextAccessor.HttpContext is { } context ? For(context) : "";

    public static string For(HttpContext context)
    {
        if (context.Items[Key] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[Key] = nonce;
        }

        return nonce;
    }

    public static string ScriptSource(HttpContext context) => $"script-src 'nonce-{For(context)}' 'strict-dynamic'";
}
