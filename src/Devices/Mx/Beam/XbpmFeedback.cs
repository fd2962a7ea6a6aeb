using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// The XBPM feedback IOC, which moves the DCM, HFM and VFM to hold the beam where the XBPM sensor wants it
/// (dodal's XBPMFeedback, i03 prefix BL03I-EA-FDBK-01:). Triggering waits, with no time-out, until the position
/// is stable, reminding the log meanwhile; in commissioning mode it completes at once. Plans pause and resume
/// the feedback through <see cref="PauseFeedback"/>.
/// </summary>
public sealed class XbpmFeedback : Device, ITriggerable
{
    private readonly Baton? _baton;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the device on <paramref name="prefix"/>; <paramref name="baton"/> says whether the beamline is commissioning.</summary>
    public XbpmFeedback(string prefix, Baton? baton = null, string name = "", ILogger? logger = null, TimeProvider? timeProvider = null)
        : base(string.Empty)
    {
        _baton = baton;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        PosOk = Epics.SignalR<double>(prefix + "XBPM2POSITION_OK");
        PosStable = Epics.SignalR<double>(prefix + "XBPM2_STABLE");
        PauseFeedback = Epics.SignalRW<Pause>(prefix + "FB_PAUSE");
        SetName(name);
    }

    /// <summary>Non-zero when the beam position is OK (XBPM2POSITION_OK).</summary>
    public SignalR<double> PosOk { get; }

    /// <summary>Non-zero when the beam position is stable (XBPM2_STABLE).</summary>
    public SignalR<double> PosStable { get; }

    /// <summary>Pauses or runs the feedback (FB_PAUSE).</summary>
    public SignalRW<Pause> PauseFeedback { get; }

    /// <inheritdoc/>
    public Status Trigger() => new(TriggerAsync(), this);

    /// <summary>Completes once the position is stable (at once in commissioning mode).</summary>
    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        if (_baton is not null && await _baton.Commissioning.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            BeamLog.IgnoringFeedback(_logger);
            return;
        }

        await PeriodicReminder.RunAsync(
            ct => PosStable.WaitForValueAsync(v => v != 0, Timeout.InfiniteTimeSpan, "stable", ct),
            "Waiting for XBPM",
            _logger,
            _time,
            cancellationToken).ConfigureAwait(false);
    }
}
