using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Optics;

/// <summary>
/// The i03 attenuator (dodal's BinaryFilterAttenuator): filters that are each in or out. Setting a transmission
/// (a fraction, 0–1) takes the current energy, writes the desired transmission, sends the change command, then
/// waits until every filter's in-limit matches the bit the IOC calculated for it.
/// </summary>
public sealed class BinaryFilterAttenuator : ReadOnlyAttenuator, IMovable
{
    /// <summary>How long each filter may take to reach its calculated state.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Creates the attenuator on <paramref name="prefix"/> with <paramref name="numFilters"/> filters (16 on i03).</summary>
    public BinaryFilterAttenuator(string prefix, int numFilters = 16, string name = "")
        : base(prefix)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numFilters, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numFilters, 16);
        CalculatedFilterStates = new DeviceVector<SignalR<int>>(
            Enumerable.Range(0, numFilters).ToDictionary(i => i, i => Epics.SignalR<int>($"{prefix}DEC_TO_BIN.B{i:X}")));
        FiltersInPosition = new DeviceVector<SignalR<bool>>(
            Enumerable.Range(1, numFilters).ToDictionary(i => i - 1, i => Epics.SignalR<bool>($"{prefix}FILTER{i}:INLIM")));
        DesiredTransmission = Epics.SignalRW<double>(prefix + "T2A:SETVAL1");
        UseCurrentEnergy = Epics.SignalX(prefix + "E2WL:USECURRENTENERGY.PROC");
        Change = Epics.SignalX(prefix + "FANOUT");
        SetName(name);
    }

    /// <summary>DEC_TO_BIN.B0 … .BF: whether the IOC wants each filter in (1) or out (0).</summary>
    internal DeviceVector<SignalR<int>> CalculatedFilterStates { get; }

    /// <summary>FILTER1:INLIM … FILTER16:INLIM: whether each filter is in.</summary>
    internal DeviceVector<SignalR<bool>> FiltersInPosition { get; }

    /// <summary>T2A:SETVAL1: the desired transmission (0–1).</summary>
    internal SignalRW<double> DesiredTransmission { get; }

    /// <summary>E2WL:USECURRENTENERGY.PROC: take the beamline's current energy.</summary>
    internal SignalX UseCurrentEnergy { get; }

    /// <summary>FANOUT: move the filters.</summary>
    internal SignalX Change { get; }

    /// <summary>Sets the transmission (a number, 0–1).</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<double>.Coerce(value, Name)), this);

    /// <summary>Sets the transmission and waits for the filters.</summary>
    /// <exception cref="TimeoutException">A filter did not reach its calculated state within <see cref="DefaultTimeout"/>.</exception>
    public async Task SetAsync(double transmission, CancellationToken cancellationToken = default)
    {
        await UseCurrentEnergy.TriggerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await DesiredTransmission.SetAsync(transmission, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Change.TriggerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(FiltersInPosition.Select(async filter =>
        {
            var wanted = await CalculatedFilterStates[filter.Key].GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) != 0;
            await filter.Value.WaitForValueAsync(wanted, DefaultTimeout, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
