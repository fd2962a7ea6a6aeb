namespace Hyperion.Cli.Parameters;

/// <summary>An Agamemnon instruction could not be understood: an unknown instruction, missing fields, a data path
/// outside the MX-General layout or a malformed multipin loop type.</summary>
public sealed class AgamemnonException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgamemnonException()
        : base("Unexpected json from agamemnon")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AgamemnonException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AgamemnonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
