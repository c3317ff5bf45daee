namespace CustomerCenter.AccessLog;

/// <summary>The access log CSV a staff user can download.</summary>
public enum AccessLogCsvFormat
{
    /// <summary>RFC 4180 with English column and kind names, UTC times: for tools and scripts; the same in every language.</summary>
    Rfc4180,

    /// <summary>RFC 4180 (comma) with column names, kinds and times in the staff user's language and time zone.</summary>
    Localized,

    /// <summary>As <see cref="Localized"/>, separated by ';', which German Excel opens in columns on a double-click.</summary>
    Excel,
}
