namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>Waits for a condition that another thread makes true, polling it with a timeout (never a fixed sleep).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(because ?? "The condition did not become true in time.");
            }

            await Task.Delay(10);
        }
    }
}
