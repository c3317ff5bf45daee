using CustomerCenter.Accounts;
using CustomerCenter.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MudBlazor.Services;

namespace CustomerCenter.Staff;

public static class StaffAreaServiceCollectionExtensions
{
    public static WebApplicationBuilder AddStaffArea(this WebApplicationBuilder builder)
    {
        // Only the staff area is interactive (a SignalR circuit); the member pages stay static HTML forms.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddPortalMudBlazor();
        builder.Services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
        builder.Services.AddScoped<StaffTeam>();
        builder.Services.AddScoped<StaffPermissions>();
        builder.Services.AddScoped<EmbedSiteEdits>();
        builder.Services.AddScoped<SiteEdits>();
        builder.Services.AddScoped<GivenUpMailActions>();
        builder.Services.AddSingleton<StaffAccessRevocations>();
        builder.Services.AddSingleton<ISessionEndedListener>(services => services.GetRequiredService<StaffAccessRevocations>());
        return builder;
    }

    /// <summary>MudBlazor's services, with its own texts in the portal's languages.</summary>
    public static IServiceCollection AddPortalMudBlazor(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        return services;
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
