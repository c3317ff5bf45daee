namespace CustomerCenter.Accounts;

/// <summary>
/// One signed-in browser: its id travels as a claim in the OnlineLogin cookie and is checked on every request, so
/// that ending the session here ends the cookie everywhere it was copied to (issue 12 item 2).
/// </summary>
public sealed class MemberSession
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Updated at most every <see cref="MemberSessions.LastSeenPrecision"/>, to keep requests read-only.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>"Chrome", "Firefox", … from the user agent; null when not recognised. Never the user agent itself.</summary>
    public string? Browser { get; set; }

    /// <summary>"Windows", "Android", … from the user agent; null when not recognised.</summary>
    public string? OperatingSystem { get; set; }

    /// <summary>The address cut to its network (/24 or /48, as in the access log); never the full address.</summary>
    public string? Network { get; set; }

    public DateTime? EndedAt { get; set; }
}
