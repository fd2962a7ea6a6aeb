namespace Hyperion.Cli.Tests;

/// <summary>Tests that redirect the process-wide console (and set EPICS_CA_* variables) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console";
}
