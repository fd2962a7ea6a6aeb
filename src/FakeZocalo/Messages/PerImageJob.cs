using System.Text.Json.Serialization;

namespace Hyperion.FakeZocalo.Messages;

/// <summary>One frame to analyse, as the dispatcher queues it for the workers.</summary>
/// <param name="Dcid">The data collection the frame belongs to.</param>
/// <param name="Dcgid">Its data collection group.</param>
/// <param name="Directory">The directory holding the detector's files (ISPyB's <c>imageDirectory</c>).</param>
/// <param name="Filename">The detector's file stem from the trigger.</param>
/// <param name="FrameIndex">The frame's 0-based index in the file series.</param>
/// <param name="ImageNumber">The frame's 1-based number within its data collection.</param>
/// <param name="Deadline">When to stop waiting for the frame to be written.</param>
public sealed record PerImageJob(
    [property: JsonPropertyName("dcid")] long Dcid,
    [property: JsonPropertyName("dcgid")] long Dcgid,
    [property: JsonPropertyName("directory")] string Directory,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("frame_index")] int FrameIndex,
    [property: JsonPropertyName("image_number")] int ImageNumber,
    [property: JsonPropertyName("deadline")] DateTimeOffset Deadline);
