using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// The body of one shot of a count (bluesky's <c>per_shot</c> hook, default <see cref="Stubs.OneShot"/>).
/// </summary>
/// <param name="detectors">The detectors to read.</param>
public delegate Plan PerShot(IReadOnlyList<IReadable> detectors);
