namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// A spot to paint: its box [X0, X1) × [Y0, Y1), the Gaussian's share of its counts in each column and row of the
/// box (at <see cref="FastOffset"/> and <see cref="SlowOffset"/> in the frame's share buffer), its mean total
/// counts, and the key of its random streams (one per row, so bands of rows paint it the same on any thread).
/// </summary>
internal readonly record struct SpotPlan(int X0, int X1, int Y0, int Y1, int FastOffset, int SlowOffset, double Counts, ulong Key);
