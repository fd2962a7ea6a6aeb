using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The client's user name.</summary>
/// <param name="Name">The user name.</param>
public sealed record ClientNameRequest(string Name) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.ClientName, (uint)CaStrings.PaddedSize(Name), 0, 0, 0, 0);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) => CaStrings.Write(Name, destination);
}
