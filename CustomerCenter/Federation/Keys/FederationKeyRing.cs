using System.Security.Cryptography;
using CustomerCenter.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace CustomerCenter.Federation.Keys;

/// <summary>
/// The provider's signing and encryption keys, shared by all instances through the database: created at the first
/// start, a successor created <see cref="FederationKeyOptions.PublishAhead"/> before the current key retires, a
/// retired key kept (published, able to validate) until no token it made can be valid, then deleted. Every instance
/// reloads on its own (<see cref="FederationKeyRefresher"/>) and tells OpenIddict's options to rebuild when the set or
/// the active key changed.
/// </summary>
public sealed class FederationKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<FederationKeyOptions> keyOptions,
    IOptions<FederationOptions> federationOptions,
    TimeProvider clock,
    ILogger<FederationKeyRing> logger) : IOptionsChangeTokenSource<OpenIddictServerOptions>, IDisposable
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("CustomerCenter.Federation.Keys");
    private readonly Lock gate = new();
    private IReadOnlyList<LoadedKey> keys = [];
    private string state = "";
    private CancellationTokenSource changed = new();

    public string? Name => Options.DefaultName;

    public bool IsLoaded => Volatile.Read(ref keys).Count > 0;

    /// <summary>The keys of one use in the order OpenIddict needs them: the active one first, then the others.</summary>
    public IReadOnlyList<LoadedKey> For(FederationKeyUse use)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. Volatile.Read(ref keys).Where(key => key.Use == use).OrderByDescending(key => IsActive(key, now)).ThenByDescending(key => key.ActivatesAt)];
    }

    public IChangeToken GetChangeToken()
    {
        lock (gate)
        {
            return new CancellationChangeToken(changed.Token);
        }
    }

    /// <summary>Creates the first or the next keys when due, deletes expired ones, reloads; OpenIddict rebuilds its options when anything changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.FederationKeys.Where(key => key.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        foreach (var use in (FederationKeyUse[])[FederationKeyUse.Signing, FederationKeyUse.Encryption])
        {
            await CreateWhenDueAsync(db, use, now, cancellationToken);
        }

        var rows = await db.FederationKeys.AsNoTracking().OrderBy(key => key.Use).ThenBy(key => key.Generation).ToListAsync(cancellationToken);
        var loaded = rows.Select(Unprotect).ToList();
        var newState = string.Join(",", loaded.Select(key => key.Id + (IsActive(key, now) ? "*" : "")));
        CancellationTokenSource? toCancel = null;
        lock (gate)
        {
            keys = loaded;
            if (newState != state)
            {
                state = newState;
                toCancel = changed;
                changed = new CancellationTokenSource();
            }
        }

        if (toCancel is not null)
        {
            logger.LogInformation("Federation keys loaded: {KeyIds} (* active)", newState);
            await toCancel.CancelAsync();
            toCancel.Dispose();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            changed.Dispose();
        }
    }

    private static bool IsActive(LoadedKey key, DateTime now) => key.ActivatesAt <= now && now < key.RetiresAt;

    private async Task CreateWhenDueAsync(CustomerCenterDb db, FederationKeyUse use, DateTime now, CancellationToken cancellationToken)
    {
        var newest = await db.FederationKeys.AsNoTracking().Where(key => key.Use == use).OrderByDescending(key => key.Generation).FirstOrDefaultAsync(cancellationToken);
        var schedule = keyOptions.Value;
        DateTime activatesAt;
        if (newest is null || newest.RetiresAt <= now)
        {
            // The first start (no token exists yet), or every key retired while the portal was down: usable at once.
            activatesAt = now;
        }
        else if (newest.RetiresAt - schedule.PublishAhead <= now)
        {
            activatesAt = newest.RetiresAt;
        }
        else
        {
            return;
        }

        var retiresAt = activatesAt + schedule.Rotation;
        using var rsa = RSA.Create(2048);
        db.FederationKeys.Add(new FederationKey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Use = use,
            Generation = (newest?.Generation ?? 0) + 1,
            CreatedAt = now,
            ActivatesAt = activatesAt,
            RetiresAt = retiresAt,
            // Tokens made on its last day live at most as long as a refresh token (the longest-lived one).
            ExpiresAt = retiresAt + federationOptions.Value.RefreshTokenLifetime + TimeSpan.FromDays(1),
            ProtectedKey = Convert.ToBase64String(protector.Protect(rsa.ExportPkcs8PrivateKey())),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created this generation at the same moment (the unique index): its key is the one.
            db.ChangeTracker.Clear();
        }
    }

    private LoadedKey Unprotect(FederationKey row)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedKey)), out _);
        return new LoadedKey(row.Id, row.Use, row.ActivatesAt, row.RetiresAt, new RsaSecurityKey(rsa) { KeyId = row.Id });
    }
}
