namespace Hyperion.Devices.Signals;

/// <summary>What a signal allows: read, write, both, or execute (ophyd-async's SignalR, SignalW, SignalRW, SignalX).</summary>
public enum SignalAccess
{
    /// <summary>Read-only.</summary>
    Read,

    /// <summary>Write-only.</summary>
    Write,

    /// <summary>Read and write.</summary>
    ReadWrite,

    /// <summary>A command.</summary>
    Execute,
}
