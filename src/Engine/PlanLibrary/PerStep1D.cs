using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// The body of one step of a one-motor scan (bluesky's 1-D <c>per_step</c> hook, default
/// <see cref="Stubs.OneOneDStep"/>): move <paramref name="motor"/> to <paramref name="position"/>, then read.
/// </summary>
/// <param name="detectors">The scan's detectors.</param>
/// <param name="motor">The scanned movable.</param>
/// <param name="position">Where it goes in this step.</param>
public delegate Plan PerStep1D(IReadOnlyList<IReadable> detectors, IMovable motor, object? position);
