using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CustomerCenter.Tests.Operations;

/// <summary>Records what one portal's meter measures (other portals in the same test run have meters of their own).</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, string? Outcome)> measurements = new();
    private readonly SemaphoreSlim recorded = new(0);

    public MeasurementRecorder(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, outcome));
            recorded.Release();
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value, null)));
        listener.Start();
    }

    public long Sum(string instrument, string outcome) =>
        measurements.Where(m => m.Instrument == instrument && m.Outcome == outcome).Sum(m => m.Value);

    /// <summary>Waits until the counter reached <paramref name="atLeast"/>; measured on a background task, e.g. a mail delivery.</summary>
    public async Task WaitForAsync(string instrument, string outcome, long atLeast)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Sum(instrument, outcome) < atLeast)
        {
            await recorded.WaitAsync(timeout.Token);
        }
    }

    public IReadOnlyList<long> Observe(string instrument)
    {
        listener.RecordObservableInstruments();
        return [.. measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];
    }

    public void Dispose()
    {
        listener.Dispose();
        recorded.Dispose();
    }
}
