namespace CustomerCenter.Data;

/// <summary>
/// Upper-cased copies of the member's names, kept by <see cref="CustomerCenterDb"/> on every save. The staff's member
/// search matches name prefixes case-insensitively through an index; a function on the column (lower(), LIKE on
/// SQLite, ILIKE on PostgreSQL) could not use one, and SQLite's own case folding knows only ASCII, not Ö or É.
/// </summary>
public static class MemberSearchColumns
{
    public const string FirstName = "NormalizedFirstName";
    public const string LastName = "NormalizedLastName";

    /// <summary>The same folding as Identity's e-mail normalizer, so that all three search columns behave alike.</summary>
    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();
}
