using System.Text.Json.Serialization;
using Hyperion.FakeZocalo.Analysis;

namespace Hyperion.FakeZocalo.Messages;

/// <summary>One frame's per-image result, or why it has none (it never arrived, or could not be read).</summary>
public sealed record ImageAnalysed(
    long Dcid,
    long Dcgid,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("frame_index")] int FrameIndex,
    [property: JsonPropertyName("image_number")] int ImageNumber,
    [property: JsonPropertyName("summary")] ImageSpotSummary? Summary,
    [property: JsonPropertyName("error")] string? Error)
    : ReducerInput(Dcid, Dcgid);
