namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The inputs of one logic gate, each with whether it is inverted (dodal's LogicGateConfiguration).</summary>
public sealed class LogicGateConfiguration
{
    /// <summary>A gate has at most this many inputs.</summary>
    public const int NumberOfInputs = 4;

    private readonly List<int> _sources = [];
    private readonly List<bool> _invert = [];

    /// <summary>Creates the configuration with its first input.</summary>
    public LogicGateConfiguration(int inputSource, bool invert = false) => AddInput(inputSource, invert);

    /// <summary>The input sources (zebra source numbers), in input order.</summary>
    public IReadOnlyList<int> Sources => _sources;

    /// <summary>Whether each input is inverted.</summary>
    public IReadOnlyList<bool> Invert => _invert;

    /// <summary>Adds the next input.</summary>
    /// <exception cref="InvalidOperationException">The gate already has four inputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputSource"/> is not a source number 0..63.</exception>
    public LogicGateConfiguration AddInput(int inputSource, bool invert = false)
    {
        if (_sources.Count >= NumberOfInputs)
        {
            throw new InvalidOperationException($"A logic gate has at most {NumberOfInputs} inputs.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(inputSource);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputSource, 63);
        _sources.Add(inputSource);
        _invert.Add(invert);
        return this;
    }

    /// <summary>"INP1=30, INP2=!31": each input and its source, inverted ones marked with '!'.</summary>
    public override string ToString() =>
        string.Join(", ", _sources.Select((source, i) => $"INP{i + 1}={(_invert[i] ? "!" : string.Empty)}{source}"));
}
