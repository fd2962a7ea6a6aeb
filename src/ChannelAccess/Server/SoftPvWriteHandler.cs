using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// Processes a write to a <see cref="SoftPv"/> in place of simply storing it: the handler decides what to store
/// (usually <c>pv.Set(value)</c>) and when the write completes. A motor stores its new setpoint at once and completes
/// when the move ends, so a WRITE_NOTIFY (caput -c, put with wait) is answered only then.
/// </summary>
/// <param name="pv">The PV written.</param>
/// <param name="value">The written elements, converted to the PV's native type and clamped to its drive limits, with its current metadata.</param>
/// <param name="client">Who wrote.</param>
/// <param name="cancellationToken">Cancelled when the writing circuit closes.</param>
/// <returns>ECA_NORMAL, or the failure to report (e.g. ECA_PUTFAIL).</returns>
public delegate ValueTask<EcaStatus> SoftPvWriteHandler(SoftPv pv, DbrValue value, ClientIdentity client, CancellationToken cancellationToken);
