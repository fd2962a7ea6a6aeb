using System.Globalization;
using Hyperion.FakeZocalo.Centring;
using Microsoft.Data.Sqlite;

namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>Conversions between row values and the SQLite cells that hold them (times as ISPyB's <c>datetime</c> text, to the second).</summary>
internal static class IspybValues
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime time => time.ToString(TimeFormat, CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        GridOrientation orientation => Orientation(orientation),
        _ => value,
    };

    public static string Orientation(GridOrientation orientation) => orientation == GridOrientation.Vertical ? "vertical" : "horizontal";

    public static long? NLong(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetInt64(i);
    }

    public static long Long(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column));

    public static int? NInt(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetInt32(i);
    }

    public static double? NDouble(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetDouble(i);
    }

    public static string? NString(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public static DateTime? NTime(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i)
            ? null
            : DateTime.ParseExact(reader.GetString(i), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    public static bool Bool(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return !reader.IsDBNull(i) && reader.GetInt64(i) != 0;
    }

    /// <summary>A time rounded down to the second, as ISPyB's <c>datetime</c> columns keep it.</summary>
    public static DateTime ToSecond(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Kind);
}
