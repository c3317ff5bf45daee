using Bunit;
using CustomerCenter.Localization;
using CustomerCenter.Staff.Members;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Tests.Staff;

/// <summary>The staff's edit of a member's name and address: shows the member's values, checks them, hands back what was typed.</summary>
public sealed class MemberEditorTests : MudTestContext
{
    private static readonly MemberDetails Erika = new(
        Guid.CreateVersion7(), "erika.neu@example.de", "Erika", "Neu", "de", CustomerCenter.Accounts.MemberStatus.Active,
        DateTime.UtcNow, null, null, null, true, 0, null, null, null, null, null, [], null);

    private readonly List<MemberEdit> saved = [];

    public MemberEditorTests()
    {
        Services.AddSingleton<IValidator<MemberEdit>>(sp => new MemberEditValidator(sp.GetRequiredService<IStringLocalizer<Texts>>()));
    }

    [Fact]
    public void The_fields_show_the_member_and_a_save_hands_back_the_trimmed_values()
    {
        using var culture = CultureScope.Use("de");
        var cut = RenderEditor();
        Assert.Equal("Erika", Input(cut, 0).GetAttribute("value"));
        Assert.Equal("erika.neu@example.de", Input(cut, 2).GetAttribute("value"));

        Input(cut, 1).Change(" Neumann ");
        Input(cut, 2).Change("erika@example.org");
        cut.Find("form").Submit();

        Assert.True(saved.Count == 1, cut.Markup);
        var edit = saved[0];
        Assert.Equal(("Erika", "Neumann", "erika@example.org"), (edit.FirstName, edit.LastName, edit.Email));
    }

    [Theory]
    [InlineData("de", "speichern")]
    [InlineData("en", "Save")]
    [InlineData("ja", "保存")]
    public void An_invalid_address_is_explained_beside_the_field_and_nothing_is_saved(string language, string saveWord)
    {
        using var culture = CultureScope.Use(language);
        var cut = RenderEditor();
        Assert.Contains(saveWord, cut.Find("button[type=submit]").TextContent, StringComparison.Ordinal);

        // The browser's own check of type=email would speak the browser's language before ours could.
        Assert.True(cut.Find("form").HasAttribute("novalidate"));
        Input(cut, 2).Change("not-an-address");
        cut.Find("form").Submit();

        Assert.Empty(saved);
        Assert.Equal("true", Input(cut, 2).GetAttribute("aria-invalid"));
        Assert.NotEmpty(cut.FindAll(".mud-input-helper-text.mud-input-error"));
    }

    private IRenderedComponent<MemberEditor> RenderEditor() => Render<MemberEditor>(parameters => parameters
        .Add(p => p.Member, Erika)
        .Add(p => p.OnSave, edit => saved.Add(edit)));

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MemberEditor> cut, int index) => cut.FindAll("input")[index];
}
