using CustomerCenter.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CustomerCenter.Tests.Staff;

/// <summary>Cascades a viewer's time zone to a staff page as the staff layout does, and can change it later as the layout does once the browser has told it.</summary>
public sealed class ZoneHost : ComponentBase
{
    [Parameter]
    public ViewerTimeZone Zone { get; set; } = ViewerTimeZone.Unknown;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<ViewerTimeZone>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<ViewerTimeZone>.Value), Zone);
        builder.AddComponentParameter(2, nameof(CascadingValue<ViewerTimeZone>.ChildContent), ChildContent);
        builder.CloseComponent();
    }
}
