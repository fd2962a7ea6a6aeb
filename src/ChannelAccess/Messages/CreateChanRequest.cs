using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Creates a channel on a circuit.</summary>
/// <param name="Name">The PV name.</param>
/// <param name="Cid">The client's id for the channel.</param>
/// <param name="ClientVersion">The client's minor protocol version.</param>
public sealed record CreateChanRequest(string Name, uint Cid, uint ClientVersion) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.CreateChan, (uint)CaStrings.PaddedSize(Name), 0, 0, Cid, ClientVersion);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) => CaStrings.Write(Name, destination);
}
