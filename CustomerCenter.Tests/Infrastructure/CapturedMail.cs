using System.Text.RegularExpressions;
using MimeKit;

namespace CustomerCenter.Tests.Infrastructure;

public sealed partial record CapturedMail(MimeMessage Message)
{
    public string To => Message.To.Mailboxes.Single().Address ?? "";

    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";

    /// <summary>The first portal link in the plain-text body, as a path and query.</summary>
    public string Link
    {
        get
        {
            var match = LinkPattern().Match(Text);
            Assert.True(match.Success, $"No link in mail \"{Subject}\":\n{Text}");
            return new Uri(match.Value).PathAndQuery;
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
