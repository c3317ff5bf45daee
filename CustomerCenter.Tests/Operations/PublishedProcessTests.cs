using System.Net;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Operations;

/// <summary>The published app as an operator runs it: Production, its own process, stopped by a signal.</summary>
public sealed class PublishedProcessTests
{
    /// <summary>Started from another folder (<see cref="PortalProcessOptions.WorkingDirectory"/>), as an operator's shell or unit may.</summary>
    [Fact]
    public async Task Published_app_serves_the_login_form_and_blazor_script_in_production()
    {
        await using var portal = await PortalProcess.StartAsync(PortalProcessOptions.OnNewDatabase());
        using var http = portal.CreateClient();

        using var login = await http.GetAsync("/embed/login");
        var script = await http.GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("<form", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Blazor", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_stops_the_app_cleanly_and_it_starts_again_on_the_same_database()
    {
        var first = await PortalProcess.StartAsync(PortalProcessOptions.OnNewDatabase(https: true));
        await first.StopAsync();
        await using (first)
        {
            Assert.True(first.HasExited);
        }

        await using var second = await first.StartAgainAsync();
        await second.WaitUntilAsync("/health/ready");
        Assert.Contains("Application is shutting down", first.Output, StringComparison.Ordinal);
    }
}
