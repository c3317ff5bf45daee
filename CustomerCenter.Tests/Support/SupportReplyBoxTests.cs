using Bunit;
using CustomerCenter.Support;
using CustomerCenter.Support.Pages.Staff;
using CustomerCenter.Tests.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CustomerCenter.Tests.Support;

/// <summary>The staff reply box: templates fill the text, the switch makes it an internal note.</summary>
public sealed class SupportReplyBoxTests : MudTestContext
{
    private static readonly SupportReplyTemplate[] Templates =
    [
        new() { Language = "de", Title = "Rechnung unterwegs", Body = "Ihre Rechnung ist unterwegs." },
        new() { Language = "de", Title = "Passwort", Body = "Bitte nutzen Sie „Passwort vergessen“." },
    ];

    [Fact]
    public void Choosing_a_template_fills_the_reply_which_is_sent_as_a_reply()
    {
        using var culture = CultureScope.Use("de");
        var sent = new List<SupportReplyDraft>();
        var cut = RenderBox(sent);

        cut.Choose("Vorlage", "Rechnung unterwegs");
        cut.WaitForAssertion(() => Assert.Equal("Ihre Rechnung ist unterwegs.", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent));
        Assert.Equal("Antwort senden", cut.Find("[data-testid=send]").TextContent.Trim());
        cut.Find("[data-testid=send]").Click();

        cut.WaitForAssertion(() => Assert.Equal([new SupportReplyDraft("Ihre Rechnung ist unterwegs.", false)], sent));
        cut.WaitForAssertion(() => Assert.True(string.IsNullOrEmpty(cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent)));
    }

    [Fact]
    public void The_internal_note_switch_says_so_and_sends_a_note()
    {
        using var culture = CultureScope.Use("en");
        var sent = new List<SupportReplyDraft>();
        var cut = RenderBox(sent);

        cut.Find("textarea").Input("Customer since 2019");
        cut.Find("input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal("Save note", cut.Find("[data-testid=send]").TextContent.Trim()));
        Assert.Contains("never sees this note", cut.Find("[data-testid=internal-hint]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=send]").Click();

        cut.WaitForAssertion(() => Assert.Equal([new SupportReplyDraft("Customer since 2019", true)], sent));
        // After saving, the box is back to a reply to the member.
        cut.WaitForAssertion(() => Assert.Equal("Send reply", cut.Find("[data-testid=send]").TextContent.Trim()));
    }

    [Fact]
    public void Nothing_can_be_sent_while_the_text_is_empty()
    {
        using var culture = CultureScope.Use("ja");
        var cut = RenderBox([]);

        Assert.True(cut.Find("[data-testid=send]").HasAttribute("disabled"));
        Assert.Equal("回答を送信", cut.Find("[data-testid=send]").TextContent.Trim());
    }

    private IRenderedComponent<IComponent> RenderBox(List<SupportReplyDraft> sent) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SupportReplyBox>(1);
            builder.AddAttribute(2, nameof(SupportReplyBox.Templates), (IReadOnlyList<SupportReplyTemplate>)Templates);
            builder.AddAttribute(3, nameof(SupportReplyBox.OnSend), (Func<SupportReplyDraft, Task<bool>>)(draft =>
            {
                sent.Add(draft);
                return Task.FromResult(true);
            }));
            builder.CloseComponent();
        });
}
