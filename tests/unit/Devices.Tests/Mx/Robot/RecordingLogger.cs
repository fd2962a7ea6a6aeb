using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Tests.Mx.Robot;

/// <summary>Records log lines and lets a test wait for one.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new();

    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        Lines.Enqueue((logLevel, message));
        Waiter(message).TrySetResult();
    }

    public Task WaitForAsync(string message) => Waiter(message).Task.WaitAsync(TimeSpan.FromSeconds(10));

    private TaskCompletionSource Waiter(string message) =>
        _waits.GetOrAdd(message, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
