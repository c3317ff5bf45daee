using Microsoft.Extensions.Options;

namespace CustomerCenter.Embedding;

/// <summary>The allowed origins from configuration; a reloaded configuration gives a new set.</summary>
internal sealed class ConfiguredAllowedOrigins : IAllowedOrigins, IDisposable
{
    private readonly IDisposable? subscription;
    private volatile AllowedOriginSet current;

    public ConfiguredAllowedOrigins(IOptionsMonitor<EmbedOptions> options)
    {
        current = new AllowedOriginSet(options.CurrentValue.AllowedOrigins);
        subscription = options.OnChange(changed => current = new AllowedOriginSet(changed.AllowedOrigins));
    }

    public AllowedOriginSet Current => current;

    public void Dispose() => subscription?.Dispose();
}
