namespace Hyperion.Nexus.Tests.Compression;

/// <summary>One entry of Golden/cases.json: a chunk the bitshuffle plugin wrote, and the cd_values it stored.</summary>
public sealed record GoldenCase(string Name, int ElementSize, uint[] CdValues);
