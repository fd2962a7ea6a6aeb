namespace Hyperion.Cli.ExternalCallbacks;

/// <summary>What <c>hyperion callbacks</c> consumes, where it records and where it logs.</summary>
public sealed record ExternalCallbacksOptions
{
    /// <summary>The broker Hyperion publishes its documents to (<c>hyperion serve --external-callbacks</c>).</summary>
    public required Uri Broker { get; init; }

    /// <summary>The SQLite ISPyB file the callbacks write.</summary>
    public required string IspybPath { get; init; }

    /// <summary>Where Zocalo trigger messages go; null for <see cref="Broker"/>.</summary>
    public Uri? ZocaloBroker { get; init; }

    /// <summary>i03 or s03: whose configuration files (the NeXus beam-centre table) the callbacks read.</summary>
    public string Beamline { get; init; } = "s03";

    /// <summary>Where hyperion-callbacks.log goes.</summary>
    public string LogDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "hyperion-logs");

    /// <summary>Developer mode: DEBUG lines on the console too.</summary>
    public bool Dev { get; init; }

    /// <summary>How long to keep trying to reach the broker at start.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
