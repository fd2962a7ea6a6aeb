namespace Hyperion.ChannelAccess.Client;

/// <summary>What a circuit's receive watchdog decided (libca's tcpRecvWatchdog).</summary>
internal enum CircuitWatchdogAction
{
    /// <summary>The circuit has been heard from recently enough.</summary>
    None,

    /// <summary>The circuit was quiet for EPICS_CA_CONN_TMO: an ECHO was queued to probe it.</summary>
    EchoSent,

    /// <summary>The ECHO went unanswered: the circuit is to be dropped.</summary>
    Unresponsive,
}
