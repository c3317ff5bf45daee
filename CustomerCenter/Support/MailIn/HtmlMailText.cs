using System.Text;
using MimeKit.Text;

namespace CustomerCenter.Support.MailIn;

/// <summary>
/// The text of an HTML-only mail: line breaks for block elements, nothing of scripts, styles or the head, and nothing
/// inside a <c>blockquote</c> (where HTML mail clients put the quoted history). Stored and shown as plain text only.
/// </summary>
public static class HtmlMailText
{
    public static string Convert(string html)
    {
        var text = new StringBuilder();
        var skipped = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.BlockQuote or HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    if (!tag.IsEmptyElement)
                    {
                        skipped = Math.Max(0, skipped + (tag.IsEndTag ? -1 : 1));
                    }

                    break;
                case HtmlTagToken tag when skipped == 0 && tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR
                    or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.Table:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skipped == 0:
                    text.Append(data.Data.Replace('\n', ' ').Replace('\r', ' '));
                    break;
            }
        }

        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim();
    }
}
