using Hyperion.Engine.Planning;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// Looks at a plan without a RunEngine or hardware: every message it yields when each response is null.
/// For answers other than null, and assertions on the messages, use <see cref="RunEngineSimulator"/>.
/// </summary>
public static class PlanSimulator
{
    /// <summary>
    /// Lists every message of <paramref name="plan"/>, one per line as bluesky prints them (its
    /// <c>for msg in plan: print(msg)</c>), returning the text and also writing it to <paramref name="output"/>
    /// when given. If the plan fails, the messages up to the failure are still written, and the exception propagates.
    /// </summary>
    public static string PrintMessages(Plan plan, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var text = new StringWriter();
        var simulator = new RunEngineSimulator();
        simulator.AddHandler(new MessageHandler(_ => true, msg =>
        {
            text.Write(msg.ToString());
            text.Write('\n');
            return null;
        }, "every message: print it"));
        try
        {
            simulator.SimulatePlan(plan);
        }
        finally
        {
            output?.Write(text.ToString());
        }

        return text.ToString();
    }
}
