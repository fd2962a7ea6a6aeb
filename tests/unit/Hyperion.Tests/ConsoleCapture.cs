using System.Text;
using System.Text.RegularExpressions;

namespace Hyperion.Cli.Tests;

/// <summary>
/// Redirects Console.Out and Console.Error into thread-safe buffers for its lifetime, so that a long-running command
/// (a server, a monitor) and the commands run beside it can all be read back; restores the console on dispose.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TextWriter _oldOut = Console.Out;
    private readonly TextWriter _oldError = Console.Error;

    /// <summary>Starts capturing.</summary>
    public ConsoleCapture()
    {
        Console.SetOut(TextWriter.Synchronized(new StringWriter(_output)));
        Console.SetError(TextWriter.Synchronized(new StringWriter(_error)));
    }

    /// <summary>Runs the hyperion command line in-process with the console captured: its exit code and what it wrote.</summary>
    public static async Task<(int Code, string Output, string Error)> RunHyperionAsync(params string[] args)
    {
        using var console = new ConsoleCapture();
        var code = await HyperionCommand.Build().Parse(args).InvokeAsync();
        var (output, error) = console.Since(0, 0);
        return (code, output, error);
    }

    /// <summary>Everything written to Console.Out so far.</summary>
    public string Output
    {
        get
        {
            lock (Console.Out)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The current ends of the two buffers, for <see cref="Since"/>.</summary>
    public (int Output, int Error) Mark()
    {
        lock (Console.Out)
        {
            lock (Console.Error)
            {
                return (_output.Length, _error.Length);
            }
        }
    }

    /// <summary>What was written after <see cref="Mark"/>.</summary>
    public (string Output, string Error) Since(int output, int error)
    {
        lock (Console.Out)
        {
            lock (Console.Error)
            {
                return (_output.ToString(output, _output.Length - output), _error.ToString(error, _error.Length - error));
            }
        }
    }

    /// <summary>Waits until the output matches <paramref name="pattern"/>; fails with what was written if it never does.</summary>
    public Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout) => WaitForAsync(() => Output, pattern, timeout);

    /// <summary>Waits until the error output matches <paramref name="pattern"/>.</summary>
    public Task<Match> WaitForErrorAsync(Regex pattern, TimeSpan timeout) => WaitForAsync(() => Since(0, 0).Error, pattern, timeout);

    private async Task<Match> WaitForAsync(Func<string> text, Regex pattern, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (true)
        {
            var match = pattern.Match(text());
            if (match.Success)
            {
                return match;
            }

            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var (_, error) = Since(0, 0);
                throw new TimeoutException($"No output matched {pattern} within {timeout}. Output:\n{Output}\nError:\n{error}");
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Console.SetOut(_oldOut);
        Console.SetError(_oldError);
    }
}
