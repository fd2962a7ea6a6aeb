using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// The body of one step of an N-dimensional scan (bluesky's <c>per_step</c> hook, default
/// <see cref="Stubs.OneNdStep"/>): move to <paramref name="step"/>, then take readings.
/// </summary>
/// <param name="detectors">The scan's detectors.</param>
/// <param name="step">Where each movable goes in this step.</param>
/// <param name="positionCache">Where each movable was last sent; lets a step skip motors that do not move.</param>
public delegate Plan PerStep(
    IReadOnlyList<IReadable> detectors,
    IReadOnlyList<(IMovable Motor, object? Position)> step,
    Dictionary<IMovable, object?> positionCache);
