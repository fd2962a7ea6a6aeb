using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Arms and disarms the zebra's position compare, confirmed by PC_ARM_OUT (dodal's ArmingDevice).</summary>
/// <param name="prefix">The zebra prefix, e.g. BL03I-EA-ZEBRA-01:.</param>
/// <param name="name">The device name.</param>
public sealed class ArmingDevice(string prefix, string name = "") : StandardReadable(name), IMovable
{
    /// <summary>How long arming or disarming may take in all (dodal's TIMEOUT, 3 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>PC_ARM: writing 1 arms.</summary>
    public SignalRW<double> ArmSet { get; } = Epics.SignalRW<double>(prefix + "PC_ARM");

    /// <summary>PC_DISARM: writing 1 disarms.</summary>
    public SignalRW<double> DisarmSet { get; } = Epics.SignalRW<double>(prefix + "PC_DISARM");

    /// <summary>PC_ARM_OUT: 1 while armed.</summary>
    public SignalR<double> Armed { get; } = Epics.SignalR<double>(prefix + "PC_ARM_OUT");

    /// <summary>
    /// Writes 1 to PC_ARM (arm) or PC_DISARM (disarm) with callback, then waits for PC_ARM_OUT to read the
    /// demand's value (1 or 0); the whole operation has <see cref="Timeout"/>.
    /// </summary>
    /// <exception cref="TimeoutException">The demand was not confirmed within <see cref="Timeout"/>.</exception>
    public async Task SetAsync(ArmDemand demand, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            var demandSignal = demand == ArmDemand.Arm ? ArmSet : DisarmSet;
            await demandSignal.SetAsync(1, wait: true, System.Threading.Timeout.InfiniteTimeSpan, deadline.Token).ConfigureAwait(false);
            await Armed.WaitForValueAsync((double)demand, System.Threading.Timeout.InfiniteTimeSpan, cancellationToken: deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name}: {demand} was not confirmed by PC_ARM_OUT within {Timeout.TotalSeconds:0.###} s.", e);
        }
    }

    /// <summary>Sets to an <see cref="ArmDemand"/>.</summary>
    public Status Set(object? value) => value is ArmDemand demand
        ? new Status(SetAsync(demand), this)
        : throw new SignalTypeException(Name, $"set expects an {nameof(ArmDemand)}, got {value?.GetType().Name ?? "null"}.");
}
