namespace CustomerCenter.Accounts.Passwords;

/// <summary>Words anyone attacking this portal tries first: what it is called, who runs it, where.</summary>
internal static class PortalWords
{
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "kundencenter", "kundenzentrum", "customercenter", "customer center", "kokyaku", "kokyakusenta",
        "handelskammer", "industrie", "ihk", "ahk", "kammer", "chamber", "chamberofcommerce", "shoukoukaigisho", "kaigisho",
        "japan", "nippon", "nihon", "tokyo", "tokio", "toukyou", "deutschland", "germany", "doitsu", "deutsch", "japanisch",
        "portal", "login", "anmelden", "passwort", "password", "pasuwaado", "kennwort", "mitglied", "member", "kaiin", "zugang",
        // The fixed example phrases the tip showed before it made a fresh one per page view: published, so guessable.
        "kirschbaum laterne segelt morgens", "cherry lantern sails at dawn", "さくら ちょうちん 朝 ふね",
    ];
}
