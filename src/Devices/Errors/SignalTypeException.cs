namespace Hyperion.Devices.Errors;

/// <summary>A value of the wrong type for a signal, or a PV whose type the signal's datatype cannot hold.</summary>
public sealed class SignalTypeException : Exception
{
    /// <summary>Creates the error for <paramref name="signal"/>.</summary>
    public SignalTypeException(string signal, string message)
        : base($"{signal}: {message}")
    {
        Signal = signal;
    }

    /// <summary>The signal's name or source.</summary>
    public string Signal { get; }
}
