using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace CustomerCenter.Tests.Support;

/// <summary>Acting on MudBlazor's selects as a mouse does (the list opens in the popover provider).</summary>
internal static class StaffComponentHelpers
{
    public static IElement Combobox(this IRenderedComponent<IComponent> cut, string label) =>
        cut.Find($"[role=combobox][aria-label='{label}']");

    public static void Choose(this IRenderedComponent<IComponent> cut, string label, string entry)
    {
        cut.FindAll("div.mud-select > .mud-input-control")
            .Single(control => control.QuerySelector($"[role=combobox][aria-label='{label}']") is not null)
            .MouseDown();
        cut.WaitForAssertion(() => Assert.NotEmpty(Entries(cut, entry)));
        Entries(cut, entry).Single().Click();
        cut.WaitForAssertion(() => Assert.Equal(entry, cut.Combobox(label).TextContent.Trim()));
    }

    private static List<IElement> Entries(IRenderedComponent<IComponent> cut, string entry) =>
        [.. cut.FindAll(".mud-popover-provider .mud-list-item").Where(item => item.TextContent.Trim() == entry)];
}
