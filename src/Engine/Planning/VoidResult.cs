namespace Hyperion.Engine.Planning;

/// <summary>The result type of plans that return nothing.</summary>
internal readonly struct VoidResult;
