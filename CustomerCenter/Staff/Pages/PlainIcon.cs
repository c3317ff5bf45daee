using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CustomerCenter.Staff.Pages;

/// <summary>
/// A Material icon as the same <c>svg</c> MudIcon renders, without a component: every component on a staff page is
/// held by each open page's circuit (bench/staff-circuits), and an icon has no state worth one.
/// </summary>
public static class PlainIcon
{
    /// <summary><paramref name="svg"/> is one of MudBlazor's <c>Icons.Material.*</c> paths; size small, medium or large.</summary>
    public static RenderFragment Of(string svg, string size = "medium", string? classes = null) => builder => Render(builder, svg, size, classes);

    private static void Render(RenderTreeBuilder builder, string svg, string size, string? classes)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes is null ? $"mud-icon-root mud-svg-icon mud-icon-size-{size}" : $"mud-icon-root mud-svg-icon mud-icon-size-{size} {classes}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    }
}
