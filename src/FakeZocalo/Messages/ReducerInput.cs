using System.Text.Json.Serialization;

namespace Hyperion.FakeZocalo.Messages;

/// <summary>What the X-ray centring reducer consumes: collection starts and ends, and per-image results.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CollectionStarted), "collection_start")]
[JsonDerivedType(typeof(ImageAnalysed), "image")]
[JsonDerivedType(typeof(CollectionEnded), "collection_end")]
public abstract record ReducerInput(
    [property: JsonPropertyName("dcid")] long Dcid,
    [property: JsonPropertyName("dcgid")] long Dcgid);
