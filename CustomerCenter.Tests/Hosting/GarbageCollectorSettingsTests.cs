using System.Text.Json;

namespace CustomerCenter.Tests.Hosting;

/// <summary>
/// The portal's runtime settings as published (its runtimeconfig.json): workstation GC without background collections,
/// which keeps an open staff page under 1.5 MB of server memory (bench/staff-circuits/README.md).
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    [Fact]
    public void The_portal_runs_with_workstation_gc_and_blocking_collections()
    {
        var properties = PortalConfigProperties();

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
    }

    private static JsonElement PortalConfigProperties()
    {
        // The web project's runtimeconfig.json is copied next to the tests, as the published one is next to the app.
        var path = Path.Combine(AppContext.BaseDirectory, "CustomerCenter.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
