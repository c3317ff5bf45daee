using CustomerCenter.AccessLog;

namespace CustomerCenter.Federation;

/// <summary>What a client id from a request must look like before it is looked up, counted or stored.</summary>
internal static class ClientIds
{
    /// <summary>As long as the access log stores (no site's is longer).</summary>
    public const int MaxLength = AccessEventRecorder.MaxSiteClientIdLength;

    /// <summary>
    /// Non-empty printable text of at most <see cref="MaxLength"/> characters: anything else is no site of ours
    /// (a NUL would end a lookup in a PostgreSQL error, and a longer one fits no access log row).
    /// </summary>
    public static bool IsPlausible(string? clientId) =>
        clientId is { Length: > 0 and <= MaxLength } && !clientId.Any(char.IsControl);
}
