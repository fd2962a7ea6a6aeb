using System.Globalization;

namespace Hyperion.Devices.Mx;

/// <summary>Formats numbers as Python's str() does, so keys and messages match dodal's text.</summary>
internal static class PythonFormat
{
    /// <summary>str(float): the shortest round-trip form, with ".0" on whole numbers and "inf" for infinity.</summary>
    public static string Float(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (double.IsNaN(value))
        {
            return "nan";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
