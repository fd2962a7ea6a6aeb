// The tests log literal lines to check how they are written; LoggerMessage delegates would only hide that.
#pragma warning disable CA1848, CA1873

using Hyperion.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Tests.Logging;

public sealed class LoggingTests
{
    [Fact]
    public void Lines_carry_the_run_uid_and_dcgid_while_they_are_known()
    {
        var context = new LogContext();
        using var sink = new StringWriter();
        using var provider = new LineLoggerProvider(sink, context);
        var logger = provider.CreateLogger("Hyperion.Test");

        logger.LogInformation("before");
        context.RunUid = "abc";
        context.DataCollectionGroupId = 42;
        logger.LogInformation("during");
        context.RunUid = null;
        context.DataCollectionGroupId = null;
        logger.LogInformation("after");

        var lines = sink.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("[Hyperion.Test] before", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("[Hyperion.Test] [run_uid=abc dcgid=42] during", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("[Hyperion.Test] after", lines[2], StringComparison.Ordinal);
        Assert.Contains(" INFO  ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_logger_drops_records_below_its_level()
    {
        using var sink = new StringWriter();
        using var provider = new LineLoggerProvider(sink, new LogContext(), LogLevel.Information);

        provider.CreateLogger("x").LogDebug("quiet");

        Assert.Equal(string.Empty, sink.ToString());
    }

    [Fact]
    public void The_debug_buffer_keeps_only_the_newest_lines_in_order()
    {
        using var buffer = new DebugLogBuffer(null, new LogContext(), capacity: 3);
        var logger = buffer.CreateLogger("c");

        for (var i = 1; i <= 5; i++)
        {
            logger.LogDebug("line {N}", i);
        }

        Assert.Equal(["line 3", "line 4", "line 5"], buffer.Lines.Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public void Hyperion_keeps_five_thousand_debug_lines()
    {
        using var buffer = new DebugLogBuffer(null, new LogContext());
        var logger = buffer.CreateLogger("c");

        for (var i = 0; i < 6000; i++)
        {
            logger.LogDebug("line {N}", i);
        }

        Assert.Equal(5000, buffer.Lines.Count);
        Assert.EndsWith("line 1000", buffer.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Flushing_writes_the_buffer_to_a_debug_file_and_empties_it()
    {
        var directory = Directory.CreateTempSubdirectory("debug-flush-").FullName;
        try
        {
            using var buffer = new DebugLogBuffer(directory, new LogContext());
            var logger = buffer.CreateLogger("c");
            logger.LogDebug("first");
            logger.LogWarning("second");

            var path = buffer.FlushToFile("test");

            var lines = File.ReadAllLines(path!);
            Assert.Contains("test", lines[0], StringComparison.Ordinal);
            Assert.EndsWith("first", lines[1], StringComparison.Ordinal);
            Assert.EndsWith("second", lines[2], StringComparison.Ordinal);
            Assert.Empty(buffer.Lines);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Operator_alerts_are_warning_lines_marked_alert()
    {
        using var sink = new StringWriter();
        using var provider = new LineLoggerProvider(sink, new LogContext());
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var alerts = new LogOperatorAlerts(factory.CreateLogger<LogOperatorAlerts>());

        alerts.Raise("UDC stopped", "Robot load failed for sample 12345");

        var line = sink.ToString().Trim();
        Assert.Contains(" WARN  ", line, StringComparison.Ordinal);
        Assert.Contains("***ALERT*** summary=UDC stopped content=Robot load failed for sample 12345", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_uid_tagging_follows_the_outermost_run_only()
    {
        var context = new LogContext();
        var tagging = new LogUidTagging(context);
        static Engine.Documents.RunStart Start(string uid) => new() { Uid = uid, Time = 0 };
        static Engine.Documents.RunStop Stop(string uid) => new() { Uid = uid + "-stop", Time = 1, RunStartUid = uid, ExitStatus = "success" };

        tagging.Callback(Engine.Documents.DocumentName.Start, Start("outer"));
        tagging.Callback(Engine.Documents.DocumentName.Start, Start("inner"));
        Assert.Equal("outer", context.RunUid);
        tagging.Callback(Engine.Documents.DocumentName.Stop, Stop("inner"));
        Assert.Equal("outer", context.RunUid);
        tagging.Callback(Engine.Documents.DocumentName.Stop, Stop("outer"));
        Assert.Null(context.RunUid);
    }
}
