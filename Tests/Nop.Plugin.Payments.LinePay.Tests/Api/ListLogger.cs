using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// Keeps every formatted log message and its structured values
/// </summary>
public class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ConcurrentQueue<IReadOnlyList<KeyValuePair<string, object>>> States { get; } = new();

    public IDisposable BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter)
    {
        var message = formatter(state, exception);
        Messages.Enqueue(message);
        Entries.Enqueue((logLevel, message));
        if (state is IReadOnlyList<KeyValuePair<string, object>> values)
            States.Enqueue(values);
    }
}
