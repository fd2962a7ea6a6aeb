using Hyperion.Devices.Backends;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx;

/// <summary>The PVs a signal was built on, read from its real backend before any connect.</summary>
internal static class Pv
{
    public static string Read<T>(SignalBase<T> signal) => ((PvSignalBackend<T>)signal.Backend).ReadPv;

    public static string Write<T>(SignalBase<T> signal) => ((PvSignalBackend<T>)signal.Backend).WritePv;

    /// <summary>Completes with the value of the next put to <paramref name="mock"/> (install before the put can happen), keeping any callback already there.</summary>
    public static Task<T> NextPut<T>(MockSignalBackend<T> mock)
    {
        var put = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = mock.PutCallback;
        mock.PutCallback = async (value, wait) =>
        {
            put.TrySetResult(value);
            if (previous is not null)
            {
                await previous(value, wait);
            }
        };
        return put.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
