namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>One results message from zocalo: the crystals found (possibly none) and the recipe parameters.</summary>
/// <param name="Results">The crystals, in zocalo's order.</param>
/// <param name="RecipeParameters">The recipe step's parameters.</param>
public sealed record ZocaloResultsMessage(IReadOnlyList<XrcResult> Results, ZocaloRecipeParameters RecipeParameters);
