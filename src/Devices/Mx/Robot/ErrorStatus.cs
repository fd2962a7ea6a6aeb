using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Robot;

/// <summary>One of the robot's error reports (dodal's ErrorStatus): a message and a code, non-zero when in error.</summary>
public sealed class ErrorStatus : Device
{
    /// <summary>Creates the pair <paramref name="prefix"/>_ERR_MSG and <paramref name="prefix"/>_ERR_CODE.</summary>
    public ErrorStatus(string prefix, string name = "")
        : base(string.Empty)
    {
        Str = Epics.SignalR<string>(prefix + "_ERR_MSG");
        Code = Epics.SignalR<int>(prefix + "_ERR_CODE");
        SetName(name);
    }

    /// <summary>The error message (_ERR_MSG).</summary>
    public SignalR<string> Str { get; }

    /// <summary>The error code (_ERR_CODE); 0 means no error.</summary>
    public SignalR<int> Code { get; }

    /// <summary>
    /// Throws <see cref="RobotLoadFailedException"/> with the code and message if the code is non-zero, caused by
    /// <paramref name="raiseFrom"/> (what made the caller look).
    /// </summary>
    public async Task RaiseIfErrorAsync(Exception raiseFrom, CancellationToken cancellationToken = default)
    {
        var errorCode = await Code.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (errorCode != 0)
        {
            var errorString = await Str.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            throw new RobotLoadFailedException(errorCode, errorString, raiseFrom);
        }
    }
}
