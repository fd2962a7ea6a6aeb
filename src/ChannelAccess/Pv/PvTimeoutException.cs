namespace Hyperion.ChannelAccess.Pv;

/// <summary>A PV did not connect, or an operation did not finish, in time.</summary>
public sealed class PvTimeoutException : PvException
{
    /// <summary>Creates the error naming the PV, the operation and the timeout.</summary>
    public PvTimeoutException(string pvName, string operation, TimeSpan timeout)
        : base(pvName, operation, $"no answer within {timeout.TotalSeconds:0.###} s", Protocol.Eca.Timeout) => Timeout = timeout;

    /// <summary>How long was waited.</summary>
    public TimeSpan Timeout { get; }
}
