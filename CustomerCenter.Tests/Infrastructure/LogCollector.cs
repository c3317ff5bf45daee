using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>Keeps every log line written through it, for tests that check what an operator would read in the log.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public IEnumerable<string> Warnings => Lines.Where(line => line.Level >= LogLevel.Warning).Select(line => line.Message);

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, Lines);

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, string Message);

    private sealed class Collector(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception)));
    }
}
