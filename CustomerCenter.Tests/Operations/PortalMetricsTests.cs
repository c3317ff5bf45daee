using CustomerCenter.Operations;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Operations;

public sealed class PortalMetricsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Logins = "customer_center.member.logins";
    private const string Mails = "customer_center.mails";

    [Fact]
    public async Task Logins_are_counted_by_outcome_and_mails_as_sent()
    {
        using var client = portal.CreatePortalClient();
        await client.GetAsync("/embed/login");
        using var recorder = new MeasurementRecorder(portal.Services.GetRequiredService<PortalMetrics>().Meter);

        await portal.CreateMemberAsync(client, "metrics@example.de");
        await recorder.WaitForAsync(Mails, "sent", 1);
        await client.LogOutAsync();

        await client.LogInAsync("metrics@example.de", "not the password at all");
        await client.LogInAsync("nobody-here@example.de", "not the password at all");
        Assert.Equal(2, recorder.Sum(Logins, "failed"));
        Assert.Equal(0, recorder.Sum(Logins, "succeeded"));

        await client.LogInAsync("metrics@example.de");
        Assert.Equal(1, recorder.Sum(Logins, "succeeded"));
        Assert.Equal(2, recorder.Sum(Logins, "failed"));
        Assert.Equal(0, recorder.Sum(Mails, "failed"));
        Assert.True(Assert.Single(recorder.Observe("customer_center.mails.queued")) >= 0);
    }
}
