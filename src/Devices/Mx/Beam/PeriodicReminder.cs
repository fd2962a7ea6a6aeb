using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// Logs a message on a slowing schedule while something is awaited (dodal's periodic_reminder): every 1 s three
/// times, every 5 s three times, every minute five times, every 5 minutes five times, every 30 minutes five times,
/// then hourly for ever. It logs first and then waits.
/// </summary>
public static class PeriodicReminder
{
    /// <summary>The schedule: (interval, how many times; null for ever).</summary>
    public static IReadOnlyList<(TimeSpan Interval, int? Count)> Schedule { get; } =
    [
        (TimeSpan.FromSeconds(1), 3),
        (TimeSpan.FromSeconds(5), 3),
        (TimeSpan.FromSeconds(60), 5),
        (TimeSpan.FromSeconds(300), 5),
        (TimeSpan.FromSeconds(1800), 5),
        (TimeSpan.FromSeconds(3600), null),
    ];

    /// <summary>Awaits <paramref name="operation"/>, logging <paramref name="message"/> on the schedule until it finishes.</summary>
    public static async Task RunAsync(Func<CancellationToken, Task> operation, string message, ILogger logger, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reminders = RemindAsync(message, logger, timeProvider ?? TimeProvider.System, done.Token);
        try
        {
            await operation(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await reminders.ConfigureAwait(false);
        }
    }

    private static async Task RemindAsync(string message, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (interval, count) in Schedule)
            {
                for (var i = 0; count is null || i < count; i++)
                {
                    BeamLog.Reminder(logger, message);
                    await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The awaited operation finished: reminders stop.
        }
    }
}
