using System.Text.Json;
using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Logging;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// Takes per-image jobs off <c>per_image_analysis</c> (competing with every other worker), analyses the frame and
/// sends its result (or why there is none) to the reducer. Any number of workers give the same results.
/// </summary>
public sealed class PerImageWorker(ITransport transport, IFrameAnalyser analyser, ILogger logger)
{
    /// <summary>Handles one delivery from <c>per_image_analysis</c>.</summary>
    public async Task<MessageDisposition> HandleAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        PerImageJob? job;
        try
        {
            job = JsonSerializer.Deserialize<PerImageJob>(message.Body.Span);
        }
        catch (JsonException bad)
        {
            ZocaloLog.BadJob(logger, bad.Message, message.BodyText);
            return MessageDisposition.DeadLetter;
        }

        if (job is null || string.IsNullOrEmpty(job.Filename) || job.FrameIndex < 0 || job.ImageNumber < 1)
        {
            ZocaloLog.BadJob(logger, "missing filename, frame_index or image_number", message.BodyText);
            return MessageDisposition.DeadLetter;
        }

        ImageAnalysed result;
        try
        {
            var summary = await analyser.AnalyseAsync(job, cancellationToken);
            result = new ImageAnalysed(job.Dcid, job.Dcgid, job.Filename, job.FrameIndex, job.ImageNumber, summary, null);
        }
        catch (FrameAnalysisException unavailable)
        {
            // A frame that never came (or cannot be read) still counts toward completion, as no spots, so the
            // group's result is not held up forever; the reason travels with it and is logged here.
            ZocaloLog.FrameFailed(logger, job.Dcid, job.FrameIndex, unavailable.Message);
            result = new ImageAnalysed(job.Dcid, job.Dcgid, job.Filename, job.FrameIndex, job.ImageNumber, null, unavailable.Message);
        }

        await transport.PublishAsync(
            string.Empty,
            ZocaloTopology.XrayCentring,
            JsonSerializer.SerializeToUtf8Bytes<ReducerInput>(result),
            null,
            cancellationToken);
        return MessageDisposition.Ack;
    }
}
