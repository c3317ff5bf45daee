using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;

namespace CustomerCenter.Staff;

public static class StaffAreaServiceCollectionExtensions
{
    public static WebApplicationBuilder AddStaffArea(this WebApplicationBuilder builder)
    {
        // Only the staff area is interactive (a SignalR circuit); the member pages stay static HTML forms.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
        builder.Services.AddScoped<StaffTeam>();
        return builder;
    }

    public static RazorComponentsEndpointConventionBuilder AddStaffInteractivity(this RazorComponentsEndpointConventionBuilder components) =>
        components.AddInteractiveServerRenderMode(options =>
        {
            // Our own middleware sends the one CSP with frame-ancestors for every response; Blazor would add a second.
            options.ContentSecurityFrameAncestorsPolicy = null;
            // With framing allowed, compressed WebSocket frames would open the door to CRIME/BREACH-style attacks.
            options.DisableWebSocketCompression = true;
        });
}
