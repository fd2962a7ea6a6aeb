namespace Hyperion.Devices.Signals;

/// <summary>The dimensions of an image value, whatever its pixel type.</summary>
public interface IImageShape
{
    /// <summary>Rows.</summary>
    int Height { get; }

    /// <summary>Columns.</summary>
    int Width { get; }
}
