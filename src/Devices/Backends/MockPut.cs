namespace Hyperion.Devices.Backends;

/// <summary>A put a mock backend received.</summary>
/// <param name="Value">The value written.</param>
/// <param name="Wait">Whether the caller waited for completion.</param>
/// <typeparam name="T">The value type.</typeparam>
public readonly record struct MockPut<T>(T Value, bool Wait);
