using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Logging;

/// <summary>How a log record becomes one line (plus the exception's lines): time, level, category, tags, message.</summary>
public static class LogLines
{
    /// <summary>Formats a record.</summary>
    public static string Format(DateTimeOffset time, LogLevel level, string category, string message, Exception? exception, string tags)
    {
        var line = new StringBuilder(128);
        line.Append(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(' ').Append(Level(level)).Append(' ')
            .Append('[').Append(category).Append(']');
        if (tags.Length > 0)
        {
            line.Append(" [").Append(tags).Append(']');
        }

        line.Append(' ').Append(message);
        if (exception is not null)
        {
            line.Append(Environment.NewLine).Append(exception);
        }

        return line.ToString();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO ",
        LogLevel.Warning => "WARN ",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRIT ",
        _ => "     ",
    };
}
