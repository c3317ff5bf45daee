using System.Text.Json;
using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// Brings the sites of <c>Federation:Clients</c> into OpenIddict's application store after start-up
/// (<see cref="FederationReadiness"/>): creates the new,
/// updates the changed, deletes the ones removed from configuration (with their authorizations and tokens). Running it
/// again changes nothing; two instances starting at once both succeed — the loser of a race retries against the row
/// the winner wrote.
/// </summary>
internal sealed class ConfiguredSites(IServiceScopeFactory scopes, IOptions<FederationOptions> options, ILogger<ConfiguredSites> logger)
{
    /// <summary>Marks an application as configuration's, so that removing it from configuration removes it here too.</summary>
    public const string SourceProperty = "cc_source";
    public const string FromConfiguration = "configuration";
    private const int Attempts = 5;

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        foreach (var client in options.Value.Clients)
        {
            await RetryAsync(manager => SyncAsync(manager, client, cancellationToken), cancellationToken);
        }

        await RetryAsync(manager => RemoveUnconfiguredAsync(manager, cancellationToken), cancellationToken);
    }

    private async Task RetryAsync(Func<IOpenIddictApplicationManager, Task> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await step(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>());
                return;
            }
            catch (Exception exception) when (attempt < Attempts
                && exception is DbUpdateException or OpenIddictExceptions.ConcurrencyException or OpenIddictExceptions.ValidationException)
            {
                // Another instance created or changed the same site between our read and our write (the database's
                // unique index, OpenIddict's own duplicate check or its concurrency token says so): read again.
                logger.LogInformation("Another instance changed the configured sites at the same time; syncing again (attempt {Attempt}).", attempt + 1);
            }
        }
    }

    private static async Task SyncAsync(IOpenIddictApplicationManager manager, FederationClientOptions client, CancellationToken cancellationToken)
    {
        var descriptor = Describe(client);
        var existing = await manager.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken);
            return;
        }

        var current = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(current, existing, cancellationToken);
        if (await IsUnchangedAsync(manager, existing, current, descriptor, client, cancellationToken))
        {
            return;
        }

        await manager.UpdateAsync(existing, descriptor, cancellationToken);
    }

    /// <summary>Skips the write (and the secret's slow hash) when nothing changed, so that every start does not rewrite every site.</summary>
    private static async Task<bool> IsUnchangedAsync(
        IOpenIddictApplicationManager manager, object existing, OpenIddictApplicationDescriptor current, OpenIddictApplicationDescriptor wanted,
        FederationClientOptions client, CancellationToken cancellationToken) =>
        current.DisplayName == wanted.DisplayName
        && current.ClientType == wanted.ClientType
        && current.ConsentType == wanted.ConsentType
        && current.RedirectUris.SetEquals(wanted.RedirectUris)
        && current.PostLogoutRedirectUris.SetEquals(wanted.PostLogoutRedirectUris)
        && current.Permissions.SetEquals(wanted.Permissions)
        && current.Requirements.SetEquals(wanted.Requirements)
        && current.Properties.ContainsKey(SourceProperty)
        && (client.IsPublic || await manager.ValidateClientSecretAsync(existing, client.ClientSecret!, cancellationToken));

    private async Task RemoveUnconfiguredAsync(IOpenIddictApplicationManager manager, CancellationToken cancellationToken)
    {
        var configured = options.Value.Clients.Select(client => client.ClientId).ToHashSet(StringComparer.Ordinal);
        var removed = new List<object>();
        await foreach (var application in manager.ListAsync(count: null, offset: null, cancellationToken))
        {
            var properties = await manager.GetPropertiesAsync(application, cancellationToken);
            var clientId = await manager.GetClientIdAsync(application, cancellationToken);
            if (properties.TryGetValue(SourceProperty, out var source) && source.ValueKind == JsonValueKind.String
                && source.GetString() == FromConfiguration && clientId is not null && !configured.Contains(clientId))
            {
                removed.Add(application);
            }
        }

        foreach (var application in removed)
        {
            await manager.DeleteAsync(application, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor Describe(FederationClientOptions client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName,
            ClientType = client.IsPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = client.IsPublic ? null : client.ClientSecret,
            ConsentType = client.Consent == FederationConsent.Implicit ? ConsentTypes.Implicit : ConsentTypes.Explicit,
        };
        descriptor.Permissions.UnionWith(SitePermissions.Standard);
        if (client.IsPublic)
        {
            // A public client cannot keep a secret, so the code is bound to it by PKCE (RFC 9700 §2.1.1).
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.Properties[SourceProperty] = JsonSerializer.SerializeToElement(FromConfiguration);
        return descriptor;
    }
}
