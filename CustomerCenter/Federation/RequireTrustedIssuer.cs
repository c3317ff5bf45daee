using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerCenter.Federation;

/// <summary>
/// Without a trusted public address (<see cref="IssuerFromPublicUrl"/> found none) the provider's endpoints answer
/// server_error rather than let OpenIddict name the issuer after the request's Host header.
/// </summary>
internal sealed class RequireTrustedIssuer : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<RequireTrustedIssuer>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context.Options.Issuer is null && context.EndpointType != OpenIddictServerEndpointType.Unknown)
        {
            context.Reject(Errors.ServerError, "The provider has no trusted public address: set Portal:PublicUrl.");
        }

        return ValueTask.CompletedTask;
    }
}
