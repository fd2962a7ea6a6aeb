namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// An attribute to write: <paramref name="Value"/> is a string, a double, a double array, an int or a long.
/// </summary>
internal readonly record struct Hdf5Attribute(string Name, object Value);
