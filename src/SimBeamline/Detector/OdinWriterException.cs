namespace Hyperion.SimBeamline.Detector;

/// <summary>A failure the twin's Odin reported through FPErrorState and FPErrorMessage (kept whole in the controller's LastError).</summary>
public sealed class OdinWriterException : Exception
{
    /// <summary>Creates the error.</summary>
    public OdinWriterException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public OdinWriterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public OdinWriterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
