using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace CustomerCenter.Mail;

/// <summary>
/// The one parser for recipient addresses: forms check with the parser that sends, so an address the forms accept
/// (<c>a.@x.example</c> passes System.Net.Mail) can never fail only later, inside the mail queue.
/// </summary>
public static class MailAddresses
{
    /// <summary>The longest address the database columns hold (RFC 3696 errata: 64 + 1 + 255).</summary>
    public const int MaxLength = 320;

    public static ParserOptions Parser { get; } = ParserOptions.Default;

    public static bool TryParse(string value, [NotNullWhen(true)] out MailboxAddress? mailbox) =>
        MailboxAddress.TryParse(Parser, value, out mailbox);

    /// <summary>Whether <paramref name="address"/> is a bare address (no display name) the sender can write to.</summary>
    public static bool CanSendTo(string address) =>
        TryParse(address, out var mailbox) && string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase);

    public static MailboxAddress Parse(string value) => MailboxAddress.Parse(Parser, value);
}
