using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.GridScan;

/// <summary>dodal's fast grid scan log messages.</summary>
internal static partial class FastGridScanLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying gridscan parameters...")]
    public static partial void ApplyingParameters(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gridscan parameters applied, waiting for sets to complete...")]
    public static partial void ParametersApplied(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sets confirmed, waiting for validity checks to pass...")]
    public static partial void SetsConfirmed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gridscan validity confirmed, gridscan is now prepared.")]
    public static partial void Prepared(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Motion program {Program} still running, waiting...")]
    public static partial void ProgramStillRunning(ILogger logger, double program);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running scan")]
    public static partial void RunningScan(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for FGS to start")]
    public static partial void WaitingForStart(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "FGS kicked off")]
    public static partial void KickedOff(ILogger logger);

    // dodal's message continues its string across a source line, which keeps the newline and the indentation.
    [LoggerMessage(Level = LogLevel.Error, Message = "Hyperion timed out waiting for FGS motion to complete. This may have been caused by a goniometer stage getting stuck.\n                Forcibly stopping the FGS motion program...")]
    public static partial void CompleteTimedOut(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading num of images found ({X}, {Y}, {Z}) images in each axis")]
    public static partial void ExpectedImages(ILogger logger, int x, int y, int z);
}
