using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks;

/// <summary>The callbacks' log messages.</summary>
internal static partial class CallbackLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} {Callback} for run {RunUid}")]
    public static partial void Activation(ILogger logger, string action, string callback, string runUid);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Callback} failed on the {Document} document of run {RunUid}")]
    public static partial void Failed(ILogger logger, Exception error, string callback, string document, string runUid);

    [LoggerMessage(Level = LogLevel.Information, Message = "ISPyB callback received start document with experiment parameters and uid: {Uid}")]
    public static partial void GridscanStart(ILogger logger, string uid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample handling callback intercepted exception of type {Type}: {Message}")]
    public static partial void SampleException(ILogger logger, string? type, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nexus writer received start document with experiment parameters for run {RunUid}")]
    public static partial void NexusStart(ILogger logger, string runUid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nexus file created at {Path} for data files {DataFilename}")]
    public static partial void NexusWritten(ILogger logger, string path, string dataFilename);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    public static partial void Info(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Warning(ILogger logger, string message);
}
