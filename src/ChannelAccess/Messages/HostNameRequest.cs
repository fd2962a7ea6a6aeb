using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The client's host name.</summary>
/// <param name="Name">The host name.</param>
public sealed record HostNameRequest(string Name) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.HostName, (uint)CaStrings.PaddedSize(Name), 0, 0, 0, 0);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) => CaStrings.Write(Name, destination);
}
