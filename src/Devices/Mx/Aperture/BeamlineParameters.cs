using System.Globalization;
using Hyperion.Devices.Mx.Oav;

namespace Hyperion.Devices.Mx.Aperture;

/// <summary>
/// GDA's beamlineParameters file (dodal's GDABeamlineParameters): <c>key = value</c> lines, <c>#</c> comments.
/// Spaces, tabs and line ends are removed, then a line splits on '='; only lines with exactly one '=' count, and
/// a later key replaces an earlier one. Values are Python literals, read after "Yes" → "True" and "No" → "False":
/// numbers (<see cref="long"/> or <see cref="double"/>), booleans, None (null), quoted strings and lists/tuples of
/// these. The keywords FB, FULL and deadtime, and any value that does not parse, stay raw strings.
/// </summary>
public sealed class BeamlineParameters
{
    /// <summary>The i03 file.</summary>
    public const string I03Path = "/dls_sw/i03/software/daq_configuration/domain/beamlineParameters";

    private static readonly string[] Keywords = ["FB", "FULL", "deadtime"];

    private BeamlineParameters(IReadOnlyDictionary<string, object?> parameters, IReadOnlyList<string> unparsed)
    {
        Parameters = parameters;
        Unparsed = unparsed;
    }

    /// <summary>Every parameter by key.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>"Unable to parse {file} line {i}: ..." for each value kept raw because it did not parse.</summary>
    public IReadOnlyList<string> Unparsed { get; }

    /// <summary>The value of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such parameter.</exception>
    public object? this[string key] => Parameters.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The beamline parameters have no '{key}'.");

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static async Task<BeamlineParameters> FromFileAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);

    /// <summary>Parses file text; <paramref name="source"/> names it in messages.</summary>
    public static BeamlineParameters Parse(string text, string source = "beamlineParameters")
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<(string Key, string Value)>();
        foreach (var line in text.Split('\n'))
        {
            var content = line.Split('#', 2)[0];
            var parts = new string([.. content.Where(c => c is not (' ' or '\n' or '\t' or '\r'))]).Split('=');
            if (parts.Length == 2)
            {
                pairs.Add((parts[0], parts[1]));
            }
        }

        var parameters = new Dictionary<string, object?>();
        var unparsed = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (key, raw) = pairs[i];
            object? value = raw;
            if (!Keywords.Contains(raw))
            {
                var literal = raw.Replace("Yes", "True", StringComparison.Ordinal).Replace("No", "False", StringComparison.Ordinal);
                if (PythonLiteral.TryParse(literal, out var parsed))
                {
                    value = parsed;
                }
                else
                {
                    unparsed.Add($"Unable to parse {source} line {i}: '{raw}' is not a Python literal");
                }
            }

            parameters[key] = value;
        }

        return new BeamlineParameters(parameters, unparsed);
    }

    /// <summary>The number at <paramref name="key"/> (Python's float(params[key])).</summary>
    /// <exception cref="KeyNotFoundException">There is no such parameter.</exception>
    /// <exception cref="FormatException">It is not a number.</exception>
    public double GetDouble(string key) => this[key] switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        var other => throw new FormatException($"Beamline parameter '{key}' is {(other is null ? "None" : $"'{other}'")}, not a number."),
    };

    /// <summary>The text form of the value at <paramref name="key"/>, numbers as Python writes them.</summary>
    public string GetString(string key) => this[key] switch
    {
        double d => PythonFormat.Float(d),
        null => "None",
        bool b => b ? "True" : "False",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
