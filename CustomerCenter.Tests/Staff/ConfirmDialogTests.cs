using Bunit;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomerCenter.Tests.Staff;

/// <summary>The yes/no question before a staff action, shown through MudBlazor's dialog service as the pages use it.</summary>
public sealed class ConfirmDialogTests : MudTestContext
{
    [Fact]
    public async Task The_dialog_shows_the_message_and_answers_true_when_confirmed()
    {
        using var culture = CultureScope.Use("de");
        var (provider, answer) = await AskAsync();

        var dialog = provider.WaitForElement(".mud-dialog");
        Assert.Contains("Hanna Schmidt wirklich sperren?", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Zugang sperren", dialog.QuerySelector(".mud-dialog-title")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(["Abbrechen", "Sperren"], Buttons(provider).Select(b => b.TextContent.Trim()));

        Buttons(provider).Single(b => b.TextContent.Trim() == "Sperren").Click();

        Assert.True(await answer.WaitAsync(TimeSpan.FromSeconds(5)));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Cancelling_answers_false()
    {
        using var culture = CultureScope.Use("de");
        var (provider, answer) = await AskAsync();
        provider.WaitForElement(".mud-dialog");

        Buttons(provider).Single(b => b.TextContent.Trim() == "Abbrechen").Click();

        Assert.False(await answer.WaitAsync(TimeSpan.FromSeconds(5)));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task The_cancel_button_speaks_the_current_language()
    {
        using var culture = CultureScope.Use("en");
        var (provider, answer) = await AskAsync();

        provider.WaitForElement(".mud-dialog");
        Assert.Equal(["Cancel", "Sperren"], Buttons(provider).Select(b => b.TextContent.Trim()));
        Buttons(provider)[0].Click();
        Assert.False(await answer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<bool> Answer)> AskAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        Task<bool> answer = null!;
        // An action, not a function: InvokeAsync would otherwise wait for the answer nobody has given yet.
        await provider.InvokeAsync(() =>
        {
            answer = ConfirmDialog.AskAsync(dialogs, "Zugang sperren", "Hanna Schmidt wirklich sperren?", "Sperren", Color.Error);
        });
        Assert.False(answer.IsCompleted, "The question is answered before anyone clicked.");
        return (provider, answer);
    }

    private static List<AngleSharp.Dom.IElement> Buttons(IRenderedComponent<MudDialogProvider> provider) =>
        [.. provider.FindAll(".mud-dialog-actions button")];
}
