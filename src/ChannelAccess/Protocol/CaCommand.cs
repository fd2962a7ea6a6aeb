namespace Hyperion.ChannelAccess.Protocol;

/// <summary>Channel Access command codes (the first field of every message header).</summary>
public enum CaCommand : ushort
{
    /// <summary>CA_PROTO_VERSION: protocol version and circuit priority; first message on every circuit and search datagram.</summary>
    Version = 0,
    /// <summary>CA_PROTO_EVENT_ADD: subscribe (request) or a subscription update (response).</summary>
    EventAdd = 1,
    /// <summary>CA_PROTO_EVENT_CANCEL: cancel a subscription.</summary>
    EventCancel = 2,
    /// <summary>CA_PROTO_READ: deprecated read without notification.</summary>
    Read = 3,
    /// <summary>CA_PROTO_WRITE: write without completion notification.</summary>
    Write = 4,
    /// <summary>CA_PROTO_SNAPSHOT: obsolete.</summary>
    Snapshot = 5,
    /// <summary>CA_PROTO_SEARCH: look for a channel by name (UDP or TCP).</summary>
    Search = 6,
    /// <summary>CA_PROTO_BUILD: obsolete.</summary>
    Build = 7,
    /// <summary>CA_PROTO_EVENTS_OFF: flow control, stop sending subscription updates.</summary>
    EventsOff = 8,
    /// <summary>CA_PROTO_EVENTS_ON: flow control, resume subscription updates.</summary>
    EventsOn = 9,
    /// <summary>CA_PROTO_READ_SYNC: obsolete synchronisation, echoed back.</summary>
    ReadSync = 10,
    /// <summary>CA_PROTO_ERROR: an error report from the server.</summary>
    Error = 11,
    /// <summary>CA_PROTO_CLEAR_CHANNEL: close a channel.</summary>
    ClearChannel = 12,
    /// <summary>CA_PROTO_RSRV_IS_UP: the server beacon.</summary>
    RsrvIsUp = 13,
    /// <summary>CA_PROTO_NOT_FOUND: search reply when the name is unknown and a reply was requested.</summary>
    NotFound = 14,
    /// <summary>CA_PROTO_READ_NOTIFY: read with a reply.</summary>
    ReadNotify = 15,
    /// <summary>CA_PROTO_READ_BUILD: obsolete.</summary>
    ReadBuild = 16,
    /// <summary>CA_REPEATER_CONFIRM: the repeater acknowledges a registration.</summary>
    RepeaterConfirm = 17,
    /// <summary>CA_PROTO_CREATE_CHAN: create a channel on a circuit.</summary>
    CreateChan = 18,
    /// <summary>CA_PROTO_WRITE_NOTIFY: write, replying when the write has completed.</summary>
    WriteNotify = 19,
    /// <summary>CA_PROTO_CLIENT_NAME: the client's user name.</summary>
    ClientName = 20,
    /// <summary>CA_PROTO_HOST_NAME: the client's host name.</summary>
    HostName = 21,
    /// <summary>CA_PROTO_ACCESS_RIGHTS: the client's rights on a channel.</summary>
    AccessRights = 22,
    /// <summary>CA_PROTO_ECHO: a heartbeat, echoed back.</summary>
    Echo = 23,
    /// <summary>CA_REPEATER_REGISTER: a client registers with the repeater.</summary>
    RepeaterRegister = 24,
    /// <summary>CA_PROTO_SIGNAL: obsolete.</summary>
    Signal = 25,
    /// <summary>CA_PROTO_CREATE_CH_FAIL: a channel could not be created.</summary>
    CreateChFail = 26,
    /// <summary>CA_PROTO_SERVER_DISCONN: the server dropped a channel.</summary>
    ServerDisconn = 27,
}
