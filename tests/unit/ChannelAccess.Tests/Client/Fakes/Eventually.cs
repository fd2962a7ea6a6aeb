namespace Hyperion.ChannelAccess.Tests.Client.Fakes;

/// <summary>Waits for a channel's state through its StateChanged event, with a real-time limit.</summary>
public static class Eventually
{
    public static async Task StateAsync(IPvChannel channel, PvConnectionState state, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(IPvChannel c, PvConnectionState s)
        {
            if (s == state)
            {
                reached.TrySetResult();
            }
        }

        channel.StateChanged += OnChanged;
        try
        {
            if (channel.State == state)
            {
                return;
            }

            await reached.Task.WaitAsync(timeout ?? AsyncQueue<int>.DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{channel.Name} did not become {state} (it is {channel.State}).");
        }
        finally
        {
            channel.StateChanged -= OnChanged;
        }
    }
}
