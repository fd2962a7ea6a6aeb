using System.Text.Json.Serialization;

namespace Hyperion.Cli.Runner;

/// <summary>One device as <c>GET /devices</c> lists it.</summary>
/// <param name="Name">The device's name (dodal's).</param>
/// <param name="Type">Its type.</param>
/// <param name="Connected">Whether it is connected.</param>
public sealed record DeviceInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("connected")] bool Connected);
