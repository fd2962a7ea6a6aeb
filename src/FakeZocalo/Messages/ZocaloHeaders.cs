namespace Hyperion.FakeZocalo.Messages;

/// <summary>The AMQP headers Zocalo's messages carry.</summary>
public static class ZocaloHeaders
{
    /// <summary>Who sent a trigger (Hyperion sets it to its user).</summary>
    public const string GoUser = "zocalo.go.user";

    /// <summary>Which host sent a trigger.</summary>
    public const string GoHost = "zocalo.go.host";

    /// <summary>Set on recipe-wrapped messages (results); absent on triggers.</summary>
    public const string WorkflowsRecipe = "workflows-recipe";
}
