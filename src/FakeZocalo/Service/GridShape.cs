namespace Hyperion.FakeZocalo.Service;

/// <summary>A grid scan's shape from its GridInfo row.</summary>
/// <param name="StepsX">Boxes along the fast axis.</param>
/// <param name="StepsY">Boxes along the slow axis.</param>
/// <param name="Snaked">Whether alternate rows run backwards.</param>
/// <param name="Vertical">Whether the fast axis is vertical (GridInfo orientation 'vertical').</param>
public sealed record GridShape(int StepsX, int StepsY, bool Snaked, bool Vertical = false);
