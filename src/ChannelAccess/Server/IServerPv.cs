using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// A PV the server can serve: a soft record, the twin's PV database, anything. The server does the protocol,
/// type conversion and element counts; the PV holds the value, decides access, processes writes and reports changes.
/// </summary>
public interface IServerPv
{
    /// <summary>The PV name.</summary>
    string Name { get; }

    /// <summary>The native plain DBR type.</summary>
    DbrType NativeType { get; }

    /// <summary>The maximum number of elements (NELM); 1 for scalars.</summary>
    int MaxElements { get; }

    /// <summary>What <paramref name="client"/> may do.</summary>
    AccessRights RightsFor(ClientIdentity client);

    /// <summary>
    /// The current value with all of its metadata (time stamp, alarm, units, precision, limits, enum strings);
    /// its element count is the current length.
    /// </summary>
    DbrValue Read();

    /// <summary>
    /// Processes a write (already converted to <see cref="NativeType"/>); the task completes when processing has
    /// finished (for a motor, when the move ends), with ECA_NORMAL or the failure status (e.g. ECA_PUTFAIL).
    /// </summary>
    ValueTask<EcaStatus> WriteAsync(DbrValue value, ClientIdentity client, CancellationToken cancellationToken = default);

    /// <summary>Reports every change until the returned handle is disposed.</summary>
    IDisposable Subscribe(Action<PvUpdate> onUpdate);

    /// <summary>What a DBR_CLASS_NAME read returns: the record type for a record field (rsrv's answer), empty if none.</summary>
    string ClassName => string.Empty;
}
