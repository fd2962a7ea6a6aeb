using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>One dimension of a run's hints: the fields that vary together, and the stream they are in.</summary>
/// <param name="Fields">The data keys of this dimension.</param>
/// <param name="Stream">The stream name, usually "primary".</param>
[JsonConverter(typeof(HintDimensionConverter))]
public sealed record HintDimension(IReadOnlyList<string> Fields, string Stream);
