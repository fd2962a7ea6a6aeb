namespace Hyperion.ChannelAccess.Protocol;

/// <summary>
/// The ECA status codes of Channel Access (EPICS base's caerr.h): each is (message number &lt;&lt; 3) | severity.
/// Servers send them in ERROR messages and as the status of read, write and subscription replies.
/// </summary>
public static class Eca
{
    /// <summary>ECA_NORMAL: Normal successful completion.</summary>
    public static readonly EcaStatus Normal = new("ECA_NORMAL", 0, EcaSeverity.Success, "Normal successful completion", false);

    /// <summary>ECA_MAXIOC: Maximum simultaneous IOC connections exceeded (defunct).</summary>
    public static readonly EcaStatus Maxioc = new("ECA_MAXIOC", 1, EcaSeverity.Error, "Maximum simultaneous IOC connections exceeded", true);

    /// <summary>ECA_UKNHOST: Unknown internet host (defunct).</summary>
    public static readonly EcaStatus Uknhost = new("ECA_UKNHOST", 2, EcaSeverity.Error, "Unknown internet host", true);

    /// <summary>ECA_UKNSERV: Unknown internet service (defunct).</summary>
    public static readonly EcaStatus Uknserv = new("ECA_UKNSERV", 3, EcaSeverity.Error, "Unknown internet service", true);

    /// <summary>ECA_SOCK: Unable to allocate a new socket (defunct).</summary>
    public static readonly EcaStatus Sock = new("ECA_SOCK", 4, EcaSeverity.Error, "Unable to allocate a new socket", true);

    /// <summary>ECA_CONN: Unable to connect to internet host or service (defunct).</summary>
    public static readonly EcaStatus Conn = new("ECA_CONN", 5, EcaSeverity.Warning, "Unable to connect to internet host or service", true);

    /// <summary>ECA_ALLOCMEM: Unable to allocate additional dynamic memory.</summary>
    public static readonly EcaStatus Allocmem = new("ECA_ALLOCMEM", 6, EcaSeverity.Warning, "Unable to allocate additional dynamic memory", false);

    /// <summary>ECA_UKNCHAN: Unknown IO channel (defunct).</summary>
    public static readonly EcaStatus Uknchan = new("ECA_UKNCHAN", 7, EcaSeverity.Warning, "Unknown IO channel", true);

    /// <summary>ECA_UKNFIELD: Record field specified inappropriate for channel specified (defunct).</summary>
    public static readonly EcaStatus Uknfield = new("ECA_UKNFIELD", 8, EcaSeverity.Warning, "Record field specified inappropriate for channel specified", true);

    /// <summary>ECA_TOLARGE: The requested data transfer is greater than available memory or EPICS_CA_MAX_ARRAY_BYTES.</summary>
    public static readonly EcaStatus Tolarge = new("ECA_TOLARGE", 9, EcaSeverity.Warning, "The requested data transfer is greater than available memory or EPICS_CA_MAX_ARRAY_BYTES", false);

    /// <summary>ECA_TIMEOUT: User specified timeout on IO operation expired.</summary>
    public static readonly EcaStatus Timeout = new("ECA_TIMEOUT", 10, EcaSeverity.Warning, "User specified timeout on IO operation expired", false);

    /// <summary>ECA_NOSUPPORT: Sorry, that feature is planned but not supported at this time (defunct).</summary>
    public static readonly EcaStatus Nosupport = new("ECA_NOSUPPORT", 11, EcaSeverity.Warning, "Sorry, that feature is planned but not supported at this time", true);

    /// <summary>ECA_STRTOBIG: The supplied string is unusually large (defunct).</summary>
    public static readonly EcaStatus Strtobig = new("ECA_STRTOBIG", 12, EcaSeverity.Warning, "The supplied string is unusually large", true);

    /// <summary>ECA_DISCONNCHID: The request was ignored because the specified channel is disconnected (defunct).</summary>
    public static readonly EcaStatus Disconnchid = new("ECA_DISCONNCHID", 13, EcaSeverity.Error, "The request was ignored because the specified channel is disconnected", true);

    /// <summary>ECA_BADTYPE: The data type specifed is invalid.</summary>
    public static readonly EcaStatus Badtype = new("ECA_BADTYPE", 14, EcaSeverity.Error, "The data type specifed is invalid", false);

    /// <summary>ECA_CHIDNOTFND: Remote Channel not found (defunct).</summary>
    public static readonly EcaStatus Chidnotfnd = new("ECA_CHIDNOTFND", 15, EcaSeverity.Info, "Remote Channel not found", true);

    /// <summary>ECA_CHIDRETRY: Unable to locate all user specified channels (defunct).</summary>
    public static readonly EcaStatus Chidretry = new("ECA_CHIDRETRY", 16, EcaSeverity.Info, "Unable to locate all user specified channels", true);

    /// <summary>ECA_INTERNAL: Channel Access Internal Failure.</summary>
    public static readonly EcaStatus Internal = new("ECA_INTERNAL", 17, EcaSeverity.Fatal, "Channel Access Internal Failure", false);

    /// <summary>ECA_DBLCLFAIL: The requested local DB operation failed (defunct).</summary>
    public static readonly EcaStatus Dblclfail = new("ECA_DBLCLFAIL", 18, EcaSeverity.Warning, "The requested local DB operation failed", true);

    /// <summary>ECA_GETFAIL: Channel read request failed.</summary>
    public static readonly EcaStatus Getfail = new("ECA_GETFAIL", 19, EcaSeverity.Warning, "Channel read request failed", false);

    /// <summary>ECA_PUTFAIL: Channel write request failed.</summary>
    public static readonly EcaStatus Putfail = new("ECA_PUTFAIL", 20, EcaSeverity.Warning, "Channel write request failed", false);

    /// <summary>ECA_ADDFAIL: Channel subscription request failed (defunct).</summary>
    public static readonly EcaStatus Addfail = new("ECA_ADDFAIL", 21, EcaSeverity.Warning, "Channel subscription request failed", true);

    /// <summary>ECA_BADCOUNT: Invalid element count requested.</summary>
    public static readonly EcaStatus Badcount = new("ECA_BADCOUNT", 22, EcaSeverity.Warning, "Invalid element count requested", false);

    /// <summary>ECA_BADSTR: Invalid string.</summary>
    public static readonly EcaStatus Badstr = new("ECA_BADSTR", 23, EcaSeverity.Error, "Invalid string", false);

    /// <summary>ECA_DISCONN: Virtual circuit disconnect.</summary>
    public static readonly EcaStatus Disconn = new("ECA_DISCONN", 24, EcaSeverity.Warning, "Virtual circuit disconnect", false);

    /// <summary>ECA_DBLCHNL: Identical process variable name on multiple servers.</summary>
    public static readonly EcaStatus Dblchnl = new("ECA_DBLCHNL", 25, EcaSeverity.Warning, "Identical process variable name on multiple servers", false);

    /// <summary>ECA_EVDISALLOW: Request inappropriate within subscription (monitor) update callback.</summary>
    public static readonly EcaStatus Evdisallow = new("ECA_EVDISALLOW", 26, EcaSeverity.Error, "Request inappropriate within subscription (monitor) update callback", false);

    /// <summary>ECA_BUILDGET: Database value get for that channel failed during channel search (defunct).</summary>
    public static readonly EcaStatus Buildget = new("ECA_BUILDGET", 27, EcaSeverity.Warning, "Database value get for that channel failed during channel search", true);

    /// <summary>ECA_NEEDSFP: Unable to initialize without the vxWorks VX_FP_TASKtask option set (defunct).</summary>
    public static readonly EcaStatus Needsfp = new("ECA_NEEDSFP", 28, EcaSeverity.Warning, "Unable to initialize without the vxWorks VX_FP_TASKtask option set", true);

    /// <summary>ECA_OVEVFAIL: Event queue overflow has prevented first pass event after event add (defunct).</summary>
    public static readonly EcaStatus Ovevfail = new("ECA_OVEVFAIL", 29, EcaSeverity.Warning, "Event queue overflow has prevented first pass event after event add", true);

    /// <summary>ECA_BADMONID: Bad event subscription (monitor) identifier.</summary>
    public static readonly EcaStatus Badmonid = new("ECA_BADMONID", 30, EcaSeverity.Error, "Bad event subscription (monitor) identifier", false);

    /// <summary>ECA_NEWADDR: Remote channel has new network address (defunct).</summary>
    public static readonly EcaStatus Newaddr = new("ECA_NEWADDR", 31, EcaSeverity.Warning, "Remote channel has new network address", true);

    /// <summary>ECA_NEWCONN: New or resumed network connection (defunct).</summary>
    public static readonly EcaStatus Newconn = new("ECA_NEWCONN", 32, EcaSeverity.Info, "New or resumed network connection", true);

    /// <summary>ECA_NOCACTX: Specified task isnt a member of a CA context (defunct).</summary>
    public static readonly EcaStatus Nocactx = new("ECA_NOCACTX", 33, EcaSeverity.Warning, "Specified task isnt a member of a CA context", true);

    /// <summary>ECA_DEFUNCT: Attempt to use defunct CA feature failed (defunct).</summary>
    public static readonly EcaStatus Defunct = new("ECA_DEFUNCT", 34, EcaSeverity.Fatal, "Attempt to use defunct CA feature failed", true);

    /// <summary>ECA_EMPTYSTR: The supplied string is empty (defunct).</summary>
    public static readonly EcaStatus Emptystr = new("ECA_EMPTYSTR", 35, EcaSeverity.Warning, "The supplied string is empty", true);

    /// <summary>ECA_NOREPEATER: Unable to spawn the CA repeater thread; auto reconnect will fail (defunct).</summary>
    public static readonly EcaStatus Norepeater = new("ECA_NOREPEATER", 36, EcaSeverity.Warning, "Unable to spawn the CA repeater thread; auto reconnect will fail", true);

    /// <summary>ECA_NOCHANMSG: No channel id match for search reply; search reply ignored (defunct).</summary>
    public static readonly EcaStatus Nochanmsg = new("ECA_NOCHANMSG", 37, EcaSeverity.Warning, "No channel id match for search reply; search reply ignored", true);

    /// <summary>ECA_DLCKREST: Reseting dead connection; will try to reconnect (defunct).</summary>
    public static readonly EcaStatus Dlckrest = new("ECA_DLCKREST", 38, EcaSeverity.Warning, "Reseting dead connection; will try to reconnect", true);

    /// <summary>ECA_SERVBEHIND: Server (IOC) has fallen behind or is not responding; still waiting (defunct).</summary>
    public static readonly EcaStatus Servbehind = new("ECA_SERVBEHIND", 39, EcaSeverity.Warning, "Server (IOC) has fallen behind or is not responding; still waiting", true);

    /// <summary>ECA_NOCAST: No internet interface with broadcast available (defunct).</summary>
    public static readonly EcaStatus Nocast = new("ECA_NOCAST", 40, EcaSeverity.Warning, "No internet interface with broadcast available", true);

    /// <summary>ECA_BADMASK: Invalid event selection mask.</summary>
    public static readonly EcaStatus Badmask = new("ECA_BADMASK", 41, EcaSeverity.Error, "Invalid event selection mask", false);

    /// <summary>ECA_IODONE: IO operations have completed.</summary>
    public static readonly EcaStatus Iodone = new("ECA_IODONE", 42, EcaSeverity.Info, "IO operations have completed", false);

    /// <summary>ECA_IOINPROGRESS: IO operations are in progress.</summary>
    public static readonly EcaStatus Ioinprogress = new("ECA_IOINPROGRESS", 43, EcaSeverity.Info, "IO operations are in progress", false);

    /// <summary>ECA_BADSYNCGRP: Invalid synchronous group identifier.</summary>
    public static readonly EcaStatus Badsyncgrp = new("ECA_BADSYNCGRP", 44, EcaSeverity.Error, "Invalid synchronous group identifier", false);

    /// <summary>ECA_PUTCBINPROG: Put callback timed out.</summary>
    public static readonly EcaStatus Putcbinprog = new("ECA_PUTCBINPROG", 45, EcaSeverity.Error, "Put callback timed out", false);

    /// <summary>ECA_NORDACCESS: Read access denied.</summary>
    public static readonly EcaStatus Nordaccess = new("ECA_NORDACCESS", 46, EcaSeverity.Warning, "Read access denied", false);

    /// <summary>ECA_NOWTACCESS: Write access denied.</summary>
    public static readonly EcaStatus Nowtaccess = new("ECA_NOWTACCESS", 47, EcaSeverity.Warning, "Write access denied", false);

    /// <summary>ECA_ANACHRONISM: Requested feature is no longer supported.</summary>
    public static readonly EcaStatus Anachronism = new("ECA_ANACHRONISM", 48, EcaSeverity.Error, "Requested feature is no longer supported", false);

    /// <summary>ECA_NOSEARCHADDR: Empty PV search address list.</summary>
    public static readonly EcaStatus Nosearchaddr = new("ECA_NOSEARCHADDR", 49, EcaSeverity.Warning, "Empty PV search address list", false);

    /// <summary>ECA_NOCONVERT: No reasonable data conversion between client and server types.</summary>
    public static readonly EcaStatus Noconvert = new("ECA_NOCONVERT", 50, EcaSeverity.Warning, "No reasonable data conversion between client and server types", false);

    /// <summary>ECA_BADCHID: Invalid channel identifier.</summary>
    public static readonly EcaStatus Badchid = new("ECA_BADCHID", 51, EcaSeverity.Error, "Invalid channel identifier", false);

    /// <summary>ECA_BADFUNCPTR: Invalid function pointer.</summary>
    public static readonly EcaStatus Badfuncptr = new("ECA_BADFUNCPTR", 52, EcaSeverity.Error, "Invalid function pointer", false);

    /// <summary>ECA_ISATTACHED: Thread is already attached to a client context.</summary>
    public static readonly EcaStatus Isattached = new("ECA_ISATTACHED", 53, EcaSeverity.Warning, "Thread is already attached to a client context", false);

    /// <summary>ECA_UNAVAILINSERV: Not supported by attached service.</summary>
    public static readonly EcaStatus Unavailinserv = new("ECA_UNAVAILINSERV", 54, EcaSeverity.Warning, "Not supported by attached service", false);

    /// <summary>ECA_CHANDESTROY: User destroyed channel.</summary>
    public static readonly EcaStatus Chandestroy = new("ECA_CHANDESTROY", 55, EcaSeverity.Warning, "User destroyed channel", false);

    /// <summary>ECA_BADPRIORITY: Invalid channel priority.</summary>
    public static readonly EcaStatus Badpriority = new("ECA_BADPRIORITY", 56, EcaSeverity.Error, "Invalid channel priority", false);

    /// <summary>ECA_NOTTHREADED: Preemptive callback not enabled - additional threads may not join context.</summary>
    public static readonly EcaStatus Notthreaded = new("ECA_NOTTHREADED", 57, EcaSeverity.Error, "Preemptive callback not enabled - additional threads may not join context", false);

    /// <summary>ECA_16KARRAYCLIENT: Client's protocol revision does not support transfers exceeding 16k bytes.</summary>
    public static readonly EcaStatus SixteenKArrayClient = new("ECA_16KARRAYCLIENT", 58, EcaSeverity.Warning, "Client's protocol revision does not support transfers exceeding 16k bytes", false);

    /// <summary>ECA_CONNSEQTMO: Virtual circuit connection sequence aborted.</summary>
    public static readonly EcaStatus Connseqtmo = new("ECA_CONNSEQTMO", 59, EcaSeverity.Warning, "Virtual circuit connection sequence aborted", false);

    /// <summary>ECA_UNRESPTMO: Virtual circuit unresponsive.</summary>
    public static readonly EcaStatus Unresptmo = new("ECA_UNRESPTMO", 60, EcaSeverity.Warning, "Virtual circuit unresponsive", false);

    private static readonly Dictionary<int, EcaStatus> ByValue = typeof(Eca)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(EcaStatus))
        .Select(f => (EcaStatus)f.GetValue(null)!)
        .ToDictionary(s => s.Value);

    /// <summary>Every status code, in message-number order.</summary>
    public static IReadOnlyList<EcaStatus> All { get; } = [.. ByValue.Values.OrderBy(s => s.Code)];

    /// <summary>Looks up a status by its wire value (message number and severity); unknown values give a descriptive placeholder.</summary>
    public static EcaStatus FromValue(int value) =>
        ByValue.TryGetValue(value, out var status)
            ? status
            : new EcaStatus($"ECA_UNKNOWN_{value}", value >> 3, (EcaSeverity)(value & 7), $"Unknown status code {value}", Defunct: false);
}
