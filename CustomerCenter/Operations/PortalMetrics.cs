using System.Diagnostics.Metrics;
using CustomerCenter.Mail.Outbox;

namespace CustomerCenter.Operations;

/// <summary>
/// The portal's own measurements (meter <c>CustomerCenter</c>): what an operator watches besides requests and queries.
/// Nothing here carries an address, a member id or a network: the tags are outcomes only.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "CustomerCenter";

    private readonly Counter<long> logins;
    private readonly Counter<long> mails;

    public PortalMetrics(IMeterFactory meterFactory, OutboxDepth outbox)
    {
        Meter = meterFactory.Create(MeterName);
        logins = Meter.CreateCounter<long>("customer_center.member.logins", "{login}", "Password logins by members, by outcome (succeeded, failed).");
        mails = Meter.CreateCounter<long>("customer_center.mails", "{mail}", "Mails delivered to the transport (sent) or given up (failed).");
        Meter.CreateObservableGauge("customer_center.mails.queued", () => outbox.Pending, "{mail}",
            "Mails waiting in the outbox (all instances), as last counted by this instance's dispatcher.");
    }

    /// <summary>The meter of this portal instance; tests listen to it alone.</summary>
    public Meter Meter { get; }

    public void LoginAttempted(bool succeeded) => logins.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void MailSent() => mails.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));

    public void MailGivenUp() => mails.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
}
