namespace Hyperion.FakeZocalo.Transport.RabbitMq;

/// <summary>Doubling delays between retries, capped, with a deadline.</summary>
internal sealed class Backoff(TimeProvider time, TimeSpan initial, TimeSpan max, TimeSpan budget)
{
    private readonly long _start = time.GetTimestamp();
    private TimeSpan _next = initial;

    /// <summary>Waits the next delay; false when the budget is spent.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var left = budget - time.GetElapsedTime(_start);
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        var delay = _next < left ? _next : left;
        _next = TimeSpan.FromTicks(Math.Min(max.Ticks, _next.Ticks * 2));
        await Task.Delay(delay, time, cancellationToken);
        return true;
    }
}
