namespace Hyperion.Cli.Parameters;

/// <summary>The base of the external (BlueAPI REST) parameter models, which reject any field they do not declare
/// (mx-bluesky's HyperionParam, <c>extra="forbid"</c>).</summary>
[ExtraFields(ExtraFieldPolicy.Forbid)]
public abstract record HyperionParam : ParameterModel;
