using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerCenter.Federation;

/// <summary>
/// OAuth parameters are printable text (RFC 6749 appendix A). A control character, above all a NUL, is refused as
/// invalid_request before anything looks a client, code or token up: PostgreSQL refuses a NUL in text outright, so the
/// lookup would end in a server error.
/// </summary>
internal sealed class RefuseControlCharacters<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseValidatingContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<RefuseControlCharacters<TContext>>()
            .SetOrder(int.MinValue + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        foreach (var (name, value) in context.Transaction.Request?.GetParameters() ?? new Dictionary<string, OpenIddictParameter>())
        {
            if (Values(value).Any(text => text.Any(char.IsControl)))
            {
                context.Reject(Errors.InvalidRequest, $"The '{name}' parameter contains a control character.");
                break;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A parameter's text, or each text of a repeated one.</summary>
    private static IEnumerable<string> Values(OpenIddictParameter value) =>
        new[] { (string?)value }.Concat(value.GetUnnamedParameters().Select(item => (string?)item)).OfType<string>();
}
