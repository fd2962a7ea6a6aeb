using Hyperion.Engine.Messages;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A minimal textual version of a plan (bluesky's <c>summarize_plan</c> and <c>print_summary_wrapper</c>): run
/// banners, each 'set' as <c>motor -> 1.0</c>, and each saved event as the objects read into it.
/// </summary>
/// <example>
/// <code>
/// =================================== Open Run ===================================
/// motor -> -1.0
///   Read ['det', 'motor']
/// ================================== Close Run ===================================
/// </code>
/// </example>
public static class PlanSummary
{
    private const int BannerWidth = 80;

    /// <summary>
    /// Drives <paramref name="plan"/> with no RunEngine (every response null) and returns its summary, also
    /// writing it to <paramref name="output"/> when given. If the plan fails, the summary up to the failure
    /// is still written, and the plan's exception propagates.
    /// </summary>
    public static string Summarize(Plan plan, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var text = new StringWriter();
        try
        {
            Wrap(plan, text).ToMessageList();
        }
        finally
        {
            output?.Write(text.ToString());
        }

        return text.ToString();
    }

    /// <summary>
    /// Wraps <paramref name="plan"/> so that each message, yielded unchanged, writes its line of the summary to
    /// <paramref name="output"/> as it goes by (bluesky's <c>print_summary_wrapper</c>); usable on a RunEngine too.
    /// </summary>
    public static Plan<object?> Wrap(Plan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var readCache = new List<string>();
        return Preprocessors.MsgMutator(plan, msg =>
        {
            switch (msg.Command)
            {
                case Commands.OpenRun:
                    WriteLine(output, Banner(" Open Run "));
                    break;
                case Commands.CloseRun:
                    WriteLine(output, Banner(" Close Run "));
                    break;
                case Commands.Set:
                    WriteLine(output, $"{NameOf(msg.Obj)} -> {PythonText.Str(msg.Args.Count > 0 ? msg.Args[0] : null)}");
                    break;
                case Commands.Create:
                    readCache.Clear();
                    break;
                case Commands.Read:
                    readCache.Add(NameOf(msg.Obj));
                    break;
                case Commands.Save:
                    WriteLine(output, "  Read " + PythonText.Repr(readCache));
                    break;
            }

            return msg;
        });
    }

    // Python's "{:=^80}".format(title): centred, any odd fill character going to the right.
    private static string Banner(string title)
    {
        var fill = Math.Max(0, BannerWidth - title.Length);
        return new string('=', fill / 2) + title + new string('=', fill - (fill / 2));
    }

    private static string NameOf(object? obj) => obj is Protocols.IHasName named ? named.Name : PythonText.Str(obj);

    // A fixed "\n" keeps summaries byte-identical across platforms (they are compared with golden files).
    private static void WriteLine(TextWriter output, string line)
    {
        output.Write(line);
        output.Write('\n');
    }
}
