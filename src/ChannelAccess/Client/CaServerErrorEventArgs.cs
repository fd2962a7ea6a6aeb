using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// An error a server reported that no pending operation takes (a refused plain WRITE, a failed EVENT_ADD, ...):
/// what libca hands to the handler given to ca_add_exception_event.
/// </summary>
/// <param name="PvName">The channel the request was for, or "(cid N)" when the id is unknown.</param>
/// <param name="Status">The ECA status the server sent.</param>
/// <param name="Request">The command of the request that failed.</param>
/// <param name="Message">The server's text, or the status's description when it sent none.</param>
public sealed record CaServerErrorEventArgs(string PvName, EcaStatus Status, CaCommand Request, string Message);
