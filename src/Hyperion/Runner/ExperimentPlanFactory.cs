using Hyperion.Cli.Parameters;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Runner;

/// <summary>Makes the plan that runs <paramref name="planName"/> with its validated <paramref name="parameters"/>.</summary>
public delegate Plan ExperimentPlanFactory(string planName, ParameterModel parameters);
