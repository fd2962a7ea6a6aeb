namespace Hyperion.Devices.Mx.Eiger;

/// <summary>A signal that did not reach the value waited for in time (a dodal await_value status that timed out).</summary>
public sealed class AwaitValueTimeoutException : TimeoutException
{
    /// <summary>Creates the error.</summary>
    public AwaitValueTimeoutException(string signal, object? expected, object? lastValue, TimeSpan limit)
        : base($"{signal} did not become {Show(expected)} within {limit.TotalSeconds:0.###} s; last value {Show(lastValue)}.")
    {
        Signal = signal;
        Expected = expected;
        LastValue = lastValue;
        Limit = limit;
    }

    /// <summary>The signal's name.</summary>
    public string Signal { get; }

    /// <summary>The value waited for.</summary>
    public object? Expected { get; }

    /// <summary>The last value seen.</summary>
    public object? LastValue { get; }

    /// <summary>How long it waited.</summary>
    public TimeSpan Limit { get; }

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string s => $"'{s}'",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
