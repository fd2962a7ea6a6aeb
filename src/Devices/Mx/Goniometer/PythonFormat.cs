using System.Globalization;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>Numbers formatted as Python's str() does, so messages match dodal's f-strings.</summary>
internal static class PythonFormat
{
    /// <summary>Python's str(float): shortest round-trip digits, whole numbers with ".0".</summary>
    public static string Float(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }
}
