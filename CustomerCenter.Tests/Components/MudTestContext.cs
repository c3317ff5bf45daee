using Bunit;
using Microsoft.Extensions.DependencyInjection;
using CustomerCenter.Staff;

namespace CustomerCenter.Tests.Components;

/// <summary>A bunit context for the staff area's MudBlazor components: localization, MudBlazor's services, loose JS.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        Services.AddLocalization();
        Services.AddPortalMudBlazor();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
