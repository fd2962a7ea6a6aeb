using Hyperion.Devices.Mx.Zocalo;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.Cli.Sim;

/// <summary>What <see cref="TwinEnvironment"/> starts: the twin, how devices reach it, the Zocalo bus and the ISPyB store.</summary>
public sealed record TwinEnvironmentOptions
{
    /// <summary>The beamline's PV names: s03 (BL03S-) or i03 (BL03I-).</summary>
    public string Beamline { get; init; } = "s03";

    /// <summary>How the devices reach the twin's PVs.</summary>
    public PvTransport PvTransport { get; init; } = PvTransport.InProcess;

    /// <summary>The Zocalo broker (amqp://...), or null for the in-memory bus.</summary>
    public Uri? ZocaloBroker { get; init; }

    /// <summary>How long the zocalo device waits for results (real time, as dodal's).</summary>
    public TimeSpan ZocaloTimeout { get; init; } = ZocaloConstants.DefaultTimeout;

    /// <summary>How many times faster than real time the twin's clock runs.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>The SQLite ISPyB file, or null for an in-memory database.</summary>
    public string? IspybPath { get; init; }

    /// <summary>The sample on the twin's pins, or null for thaumatin.</summary>
    public SampleDefinition? Sample { get; init; }

    /// <summary>
    /// The BLSample ids the twin's ISPyB holds at start, as the user office would have registered them before a visit:
    /// the callbacks update these samples' status, and an experiment naming any other sample fails as on a beamline.
    /// </summary>
    public IReadOnlyList<long> IspybSamples { get; init; } = [];

    /// <summary>Whether to connect the devices at start-up (<c>--skip-startup-connection</c> turns it off).</summary>
    public bool ConnectDevices { get; init; } = true;

    /// <summary>How long device connection may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
