namespace Hyperion.SimBeamline.Behaviours;

/// <summary>One detector trigger of a fast grid scan: which grid, which point, and where the smargon was.</summary>
/// <param name="Grid">1 for the x-y grid at z1, 2 for the x-z grid at y2.</param>
/// <param name="Index">The position counter: triggers since the scan was prepared, from 0.</param>
/// <param name="X">Smargon x (mm).</param>
/// <param name="Y">Smargon y (mm).</param>
/// <param name="Z">Smargon z (mm).</param>
/// <param name="Omega">Smargon omega (degrees): the second grid is a quarter turn on from the first.</param>
public readonly record struct GridPointTrigger(int Grid, int Index, double X, double Y, double Z, double Omega = 0);
