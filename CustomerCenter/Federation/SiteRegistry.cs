using System.Security.Cryptography;
using System.Text.Json;
using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using CustomerCenter.Embedding;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerCenter.Federation;

/// <summary>
/// The sites Admins register on /staff/sites, kept in OpenIddict's application store beside the configured ones:
/// registration, secret rotation, disabling and embedding. Each change and its access event are saved together. The
/// secret is made here, handed back once and stored by OpenIddict only as a hash.
/// </summary>
public sealed class SiteRegistry(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    CustomerCenterDb db,
    AccessEventRecorder accessLog,
    IAllowedOrigins allowedOrigins)
{
    public const string FromStaff = "staff";
    public const string DisabledProperty = "cc_disabled";
    public const string EmbedProperty = "cc_embed";

    /// <summary>256 bits: far beyond guessing, and OpenIddict keeps only a slow hash of it.</summary>
    private const int SecretBytes = 32;

    public async Task<IReadOnlyList<SiteListing>> ListAsync(CancellationToken cancellationToken)
    {
        var sites = new List<SiteListing>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            var clientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "";
            sites.Add(new SiteListing(
                clientId,
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId,
                Is(properties, ConfiguredSites.SourceProperty, ConfiguredSites.FromConfiguration),
                await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken),
                await applications.HasConsentTypeAsync(application, ConsentTypes.Implicit, cancellationToken) ? FederationConsent.Implicit : FederationConsent.Explicit,
                IsTrue(properties, DisabledProperty),
                IsTrue(properties, EmbedProperty),
                [.. (await applications.GetRedirectUrisAsync(application, cancellationToken)).Order(StringComparer.Ordinal)],
                [.. (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).Order(StringComparer.Ordinal)]));
        }

        return [.. sites.OrderBy(site => site.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Registers the site; answers its client id and, for a confidential site, the secret (shown once).</summary>
    public async Task<(string ClientId, string? Secret)> RegisterAsync(SiteRegistration registration, Guid actorId, CancellationToken cancellationToken)
    {
        if (registration.Problems().Count > 0)
        {
            throw new ArgumentException("The registration has problems; check SiteRegistration.Problems first.", nameof(registration));
        }

        var clientId = NewClientId();
        var secret = registration.Confidential ? NewSecret() : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = registration.DisplayName.Trim(),
            ClientType = registration.Confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ClientSecret = secret,
            ConsentType = registration.Consent == FederationConsent.Implicit ? ConsentTypes.Implicit : ConsentTypes.Explicit,
        };
        descriptor.Permissions.UnionWith(SitePermissions.Standard);
        if (!registration.Confidential)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        descriptor.RedirectUris.UnionWith(SiteRegistration.Lines(registration.RedirectUris).Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(SiteRegistration.Lines(registration.PostLogoutRedirectUris).Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.Properties[ConfiguredSites.SourceProperty] = JsonSerializer.SerializeToElement(FromStaff);

        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
        await accessLog.RecordAsync(AccessEventKind.SiteRegistered, memberId: null, actorId, clientId, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return (clientId, secret);
    }

    /// <summary>A new secret for a registered confidential site (the old one stops working at once); null for any other site.</summary>
    public async Task<string?> RotateSecretAsync(string clientId, Guid actorId, CancellationToken cancellationToken)
    {
        if (await RegisteredAsync(clientId, cancellationToken) is not { } application
            || !await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            return null;
        }

        var secret = NewSecret();
        await using var unit = await UnitOfWork.BeginAsync(db, cancellationToken);
        await applications.UpdateAsync(application, secret, cancellationToken);
        await accessLog.RecordAsync(AccessEventKind.SiteSecretRotated, memberId: null, actorId, clientId, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return secret;
    }

    /// <summary>
    /// Disables a registered site: it loses every permission (OpenIddict then refuses its requests with an OAuth error)
    /// and every authorization and token it holds. Enabling gives the permissions back; members sign in afresh.
    /// </summary>
    public async Task<bool> SetDisabledAsync(string clientId, bool disabled, Guid actorId, CancellationToken cancellationToken)
    {
        if (await RegisteredAsync(clientId, cancellationToken) is not { } application)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.Permissions.Clear();
        if (!disabled)
        {
            descriptor.Permissions.UnionWith(SitePermissions.Standard);
        }

        descriptor.Properties[DisabledProperty] = JsonSerializer.SerializeToElement(disabled);
        await using (var unit = await UnitOfWork.BeginAsync(db, cancellationToken))
        {
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            if (disabled && await applications.GetIdAsync(application, cancellationToken) is { } applicationId)
            {
                await authorizations.RevokeByApplicationIdAsync(applicationId, cancellationToken);
                await tokens.RevokeByApplicationIdAsync(applicationId, cancellationToken);
            }

            await accessLog.RecordAsync(disabled ? AccessEventKind.SiteDisabled : AccessEventKind.SiteEnabled, memberId: null, actorId, clientId, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        // A disabled site's origins leave frame-ancestors too.
        await ReloadOriginsAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the origins of the site's redirect URIs may frame the portal (frame-ancestors).</summary>
    public async Task<bool> SetEmbeddingAsync(string clientId, bool allowed, Guid actorId, CancellationToken cancellationToken)
    {
        if (await RegisteredAsync(clientId, cancellationToken) is not { } application)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.Properties[EmbedProperty] = JsonSerializer.SerializeToElement(allowed);
        await using (var unit = await UnitOfWork.BeginAsync(db, cancellationToken))
        {
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            await accessLog.RecordAsync(allowed ? AccessEventKind.SiteEmbeddingAllowed : AccessEventKind.SiteEmbeddingDisallowed, memberId: null, actorId, clientId, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        await ReloadOriginsAsync(cancellationToken);
        return true;
    }

    /// <summary>The last sign-ins to the site, newest first, from the access log.</summary>
    public static AccessLogFilter SignInsTo(string clientId) => new() { SiteClientId = clientId, Kinds = [AccessEventKind.SiteSignedIn] };

    internal static bool IsTrue(System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static bool Is(System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties, string name, string expected) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == expected;

    /// <summary>A site registered here (configured ones are configuration's to change), or null.</summary>
    private async Task<object?> RegisteredAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!ClientIds.IsPlausible(clientId)
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        return Is(await applications.GetPropertiesAsync(application, cancellationToken), ConfiguredSites.SourceProperty, FromStaff) ? application : null;
    }

    private Task ReloadOriginsAsync(CancellationToken cancellationToken) => allowedOrigins.ReloadAsync(cancellationToken);

    private static string NewClientId() => "site-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(SecretBytes));
}
