using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// A change of a served PV: the new value with its metadata, and which event classes it belongs to (a value
/// change beyond MDEL is <see cref="EventMask.Value"/>, beyond ADEL <see cref="EventMask.Log"/>, an alarm change
/// <see cref="EventMask.Alarm"/>, a metadata change <see cref="EventMask.Property"/>). The provider applies the
/// deadbands; the server sends the update to each subscription whose mask shares a bit with <see cref="Events"/>.
/// </summary>
/// <param name="Value">The new value and metadata.</param>
/// <param name="Events">The event classes of this change.</param>
public sealed record PvUpdate(DbrValue Value, EventMask Events);
