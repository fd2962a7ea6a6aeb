using System.Net;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Client;

/// <summary>What a <see cref="ClientCircuit"/> reports as it decodes a server's messages.</summary>
internal interface IClientCircuitHandler
{
    /// <summary>ACCESS_RIGHTS: the client's rights on channel <paramref name="cid"/> (sent before CREATE_CHAN, and on any change).</summary>
    void OnAccessRights(uint cid, AccessRights rights);

    /// <summary>CREATE_CHAN: channel <paramref name="cid"/> exists as <paramref name="sid"/> with its native type and count.</summary>
    void OnChannelCreated(uint cid, uint sid, ushort nativeType, uint count);

    /// <summary>CREATE_CH_FAIL: the server could not create channel <paramref name="cid"/>.</summary>
    void OnChannelCreateFailed(uint cid);

    /// <summary>SERVER_DISCONN: the server dropped channel <paramref name="cid"/>.</summary>
    void OnServerDisconnected(uint cid);

    /// <summary>READ_NOTIFY reply: the value, or the failure status (with <paramref name="value"/> null).</summary>
    void OnReadCompleted(uint ioid, EcaStatus status, DbrValue? value, string? error);

    /// <summary>WRITE_NOTIFY reply: the write has finished with <paramref name="status"/>.</summary>
    void OnWriteCompleted(uint ioid, EcaStatus status);

    /// <summary>EVENT_ADD reply: a subscription update, or its failure status (with <paramref name="value"/> null).</summary>
    void OnSubscriptionUpdate(uint subscriptionId, EcaStatus status, DbrValue? value, string? error);

    /// <summary>ERROR: a request failed; the message carries the request's header.</summary>
    void OnError(ErrorResponse error);

    /// <summary>SEARCH reply over TCP (a name server): channel <paramref name="cid"/> is on <paramref name="server"/>.</summary>
    void OnSearchReply(uint cid, IPEndPoint server, ushort minorVersion);

    /// <summary>A reply larger than EPICS_CA_MAX_ARRAY_BYTES was skipped (libca ignores it).</summary>
    void OnOversizedResponse(CaHeader header);
}
