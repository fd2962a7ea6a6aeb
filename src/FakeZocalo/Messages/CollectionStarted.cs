using System.Text.Json.Serialization;

namespace Hyperion.FakeZocalo.Messages;

/// <summary>A data collection's start, as its trigger gave it.</summary>
public sealed record CollectionStarted(
    long Dcid,
    long Dcgid,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("start_frame_index")] int StartFrameIndex,
    [property: JsonPropertyName("number_of_frames")] int NumberOfFrames)
    : ReducerInput(Dcid, Dcgid);
