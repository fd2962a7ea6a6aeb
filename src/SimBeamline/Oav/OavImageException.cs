namespace Hyperion.SimBeamline.Oav;

/// <summary>An OAV image read over Channel Access did not make sense: its array was shorter than its sizes said, or a size was not positive.</summary>
public sealed class OavImageException : Exception
{
    /// <summary>Creates the error.</summary>
    public OavImageException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public OavImageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public OavImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error naming the array PV and what was wrong.</summary>
    public OavImageException(string arrayPv, int width, int height, int elements)
        : base($"The OAV image at {arrayPv} is {width} × {height} pixels by its size PVs but its array holds {elements} elements.")
    {
        ArrayPv = arrayPv;
        Width = width;
        Height = height;
        Elements = elements;
    }

    /// <summary>The array PV read.</summary>
    public string? ArrayPv { get; }

    /// <summary>The width the size PV gave.</summary>
    public int Width { get; }

    /// <summary>The height the size PV gave.</summary>
    public int Height { get; }

    /// <summary>How many elements the array held.</summary>
    public int Elements { get; }
}
