using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Logging;

/// <summary>
/// Writes records at or above a level as tagged lines to a text sink (the console or hyperion.log). Writes are
/// serialised so lines from concurrent plans and callbacks never interleave.
/// </summary>
public sealed class LineLoggerProvider : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly TextWriter _sink;
    private readonly bool _ownsSink;
    private readonly LogContext _context;
    private readonly LogLevel _minimum;
    private readonly TimeProvider _time;

    /// <summary>Writes to <paramref name="sink"/>; disposes it with the provider when <paramref name="ownsSink"/>.</summary>
    public LineLoggerProvider(TextWriter sink, LogContext context, LogLevel minimum = LogLevel.Information, bool ownsSink = false, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(context);
        _sink = sink;
        _ownsSink = ownsSink;
        _context = context;
        _minimum = minimum;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A provider appending to the file <paramref name="path"/> (its directory is created).</summary>
    public static LineLoggerProvider ToFile(string path, LogContext context, LogLevel minimum = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        return new LineLoggerProvider(writer, context, minimum, ownsSink: true);
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsSink)
        {
            lock (_gate)
            {
                _sink.Dispose();
            }
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = LogLines.Format(_time.GetUtcNow(), level, category, message, exception, _context.Tags);
        lock (_gate)
        {
            _sink.WriteLine(line);
        }
    }

    private sealed class LineLogger(LineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
