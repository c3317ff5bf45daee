namespace CustomerCenter.Bench.Requests;

internal sealed record SeedResult(int Requests, int Messages, long Words, TimeSpan Elapsed);
