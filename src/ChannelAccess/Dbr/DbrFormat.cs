using System.Globalization;

namespace Hyperion.ChannelAccess.Dbr;

/// <summary>Formats numbers as EPICS does when converting to DBR_STRING.</summary>
public static class DbrFormat
{
    /// <summary>
    /// A number with <paramref name="precision"/> digits after the point (fixed notation), or in shortest form
    /// when the precision is negative or the value is too large for fixed notation.
    /// </summary>
    public static string Number(double value, int precision)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (precision < 0 || Math.Abs(value) >= 1e15)
        {
            return value.ToString("G", CultureInfo.InvariantCulture);
        }

        return value.ToString("F" + Math.Min(precision, 17).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
