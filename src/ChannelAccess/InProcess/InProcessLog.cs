using Hyperion.ChannelAccess.Protocol;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.InProcess;

/// <summary>The in-process client's log messages (source-generated, so a disabled level costs nothing).</summary>
internal static partial class InProcessLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Pv} connected in process")]
    public static partial void ChannelConnected(ILogger logger, string pv);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: the provider failed to find or describe it; still searching")]
    public static partial void LookupFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: reading its metadata failed ({Status}); connected without it")]
    public static partial void MetadataReadFailed(ILogger logger, string pv, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: reading the value failed")]
    public static partial void ReadFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: processing a write failed")]
    public static partial void WriteFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pv}: refused a {Operation} ({Status}): {Reason}")]
    public static partial void ConversionRefused(ILogger logger, string pv, string operation, string status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: a write without completion failed ({Status})")]
    public static partial void PutFailed(ILogger logger, string pv, EcaStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: the provider refused a subscription")]
    public static partial void SubscribeFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: a subscription was refused ({Status}): {Reason}")]
    public static partial void SubscriptionRefused(ILogger logger, string pv, EcaStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: subscription update failed ({Status})")]
    public static partial void SubscriptionUpdateFailed(ILogger logger, string pv, EcaStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Pv}: a subscription callback threw")]
    public static partial void SubscriptionCallbackFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Pv}: a connection-state handler threw")]
    public static partial void StateHandlerFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Pv}: the provider failed to end a subscription")]
    public static partial void UnsubscribeFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pv}: disconnected, the PV was withdrawn ({Reason})")]
    public static partial void ChannelDropped(ILogger logger, string pv, string reason);
}
