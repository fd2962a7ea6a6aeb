using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Logging;

/// <summary>
/// The last <see cref="Capacity"/> log lines at DEBUG and above, kept in memory and written to a debug file when a
/// plan fails or on <c>PUT /flush_debug_log</c> (mx-bluesky's CircularMemoryHandler): full detail when it matters,
/// without DEBUG noise in the main log.
/// </summary>
public sealed class DebugLogBuffer : ILoggerProvider
{
    /// <summary>How many lines Hyperion keeps.</summary>
    public const int DefaultCapacity = 5000;

    private readonly Lock _gate = new();
    private readonly string[] _lines;
    private readonly LogContext _context;
    private readonly TimeProvider _time;
    private int _next;
    private int _count;

    /// <summary>A buffer of <paramref name="capacity"/> lines, flushed into <paramref name="directory"/> (null: never to disk).</summary>
    public DebugLogBuffer(string? directory, LogContext context, int capacity = DefaultCapacity, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Directory = directory;
        _context = context;
        _time = time ?? TimeProvider.System;
        _lines = new string[capacity];
    }

    /// <summary>Where debug files go, or null.</summary>
    public string? Directory { get; }

    /// <summary>The most lines kept.</summary>
    public int Capacity => _lines.Length;

    /// <summary>The lines held now, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                var lines = new string[_count];
                var first = (_next - _count + _lines.Length) % _lines.Length;
                for (var i = 0; i < _count; i++)
                {
                    lines[i] = _lines[(first + i) % _lines.Length];
                }

                return lines;
            }
        }
    }

    /// <summary>
    /// Writes the lines held to a new file <c>hyperion-debug-{time}.log</c> in <see cref="Directory"/>, headed by
    /// <paramref name="reason"/>, and empties the buffer. Returns the file's path, or null with no directory.
    /// </summary>
    public string? FlushToFile(string reason)
    {
        var lines = Lines;
        lock (_gate)
        {
            _count = 0;
        }

        if (Directory is null)
        {
            return null;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var now = _time.GetUtcNow();
        var path = Path.Combine(Directory, $"hyperion-debug-{now:yyyyMMdd-HHmmss-fff}.log");
        File.WriteAllLines(path, [$"# Debug log flushed at {now:O}: {reason}", .. lines]);
        return path;
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new BufferLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_gate)
        {
            _lines[_next] = line;
            _next = (_next + 1) % _lines.Length;
            _count = Math.Min(_count + 1, _lines.Length);
        }
    }

    private sealed class BufferLogger(DebugLogBuffer buffer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Debug and < LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                buffer.Add(LogLines.Format(buffer._time.GetUtcNow(), logLevel, category, formatter(state, exception), exception, buffer._context.Tags));
            }
        }
    }
}
