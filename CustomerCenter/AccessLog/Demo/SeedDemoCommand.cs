using System.Globalization;
using CustomerCenter.Data;

namespace CustomerCenter.AccessLog.Demo;

/// <summary>
/// <c>dotnet run --project CustomerCenter -- seed-demo --members 100000 --events 1000000 [--seed 42]</c>: synthetic
/// members and access events for demos and benchmarks (see <see cref="DemoDataSeeder"/>). Adds to what is there.
/// </summary>
internal static class SeedDemoCommand
{
    public const string Name = "seed-demo";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!TryParse(arguments, out var members, out var events, out var seed))
        {
            await Console.Error.WriteLineAsync("Usage: seed-demo [--members 100000] [--events 1000000] [--seed 42]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var result = await DemoDataSeeder.SeedAsync(db, members, events, now, seed, cancellationToken);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Seeded {result.Members:N0} members ({result.StaffMembers} with the Staff role, none can log in) in {result.MembersTime.TotalSeconds:0.0} s " +
            $"and {result.AccessEvents:N0} access events over the last 30 days in {result.EventsTime.TotalSeconds:0.0} s " +
            $"({result.AccessEvents / Math.Max(result.EventsTime.TotalSeconds, 0.001):N0} events/s)."));
        return 0;
    }

    public static bool TryParse(IReadOnlyList<string> arguments, out int members, out int events, out int seed)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        members = 1_000;
        events = 10_000;
        seed = 42;
        for (var i = 0; i < arguments.Count; i += 2)
        {
            // --Key=value arguments are configuration (a connection string, say), read by the host.
            if (arguments[i].Contains('=', StringComparison.Ordinal))
            {
                i--;
                continue;
            }

            if (i + 1 >= arguments.Count || !int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (arguments[i])
            {
                case "--members":
                    members = value;
                    break;
                case "--events":
                    events = value;
                    break;
                case "--seed":
                    seed = value;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
