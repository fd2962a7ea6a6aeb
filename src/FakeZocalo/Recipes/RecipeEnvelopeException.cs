namespace Hyperion.FakeZocalo.Recipes;

/// <summary>
/// A workflows recipe message that cannot be read: not JSON, or a field missing or of the wrong type.
/// <see cref="Path"/> is the JSON path of the offending field (<c>$.payload.results[0].max_voxel</c>).
/// </summary>
public sealed class RecipeEnvelopeException : Exception
{
    /// <summary>Creates the error for one field.</summary>
    public RecipeEnvelopeException(string path, string message)
        : base($"{path}: {message}") => Path = path;

    /// <summary>Creates the error for one field, with the error that revealed it.</summary>
    public RecipeEnvelopeException(string path, string message, Exception inner)
        : base($"{path}: {message}", inner) => Path = path;

    /// <summary>The JSON path of the offending field (<c>$</c> for the whole message).</summary>
    public string Path { get; }
}
