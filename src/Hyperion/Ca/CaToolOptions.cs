using System.CommandLine;

namespace Hyperion.Cli.Ca;

/// <summary>Options shared by the CA tools, spelled as caget/caput/camonitor/cainfo spell them.</summary>
internal static class CaToolOptions
{
    /// <summary>-w: seconds to wait for connections and replies (caget's default is 1 s).</summary>
    public static Option<double> Timeout() => new("-w", "--wait") { Description = "Seconds to wait for each channel to connect and answer.", DefaultValueFactory = _ => 1.0 };

    /// <summary>The PV names.</summary>
    public static Argument<string[]> PvNames() => new("pv") { Description = "PV names.", Arity = ArgumentArity.OneOrMore };
}
