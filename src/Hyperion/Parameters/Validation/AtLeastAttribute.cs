using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>The value must be at least <see cref="Limit"/> (pydantic's <c>ge</c>).</summary>
/// <param name="limit">The inclusive lower limit.</param>
public sealed class AtLeastAttribute(double limit) : FieldConstraintAttribute
{
    /// <summary>The inclusive lower limit.</summary>
    public double Limit { get; } = limit;

    /// <inheritdoc/>
    public override (string Rule, string Message)? Check(object value) =>
        AsNumber(value) is { } number && !(number >= Limit) ? ("greater_than_equal", $"Input should be greater than or equal to {Limit}") : null;

    /// <inheritdoc/>
    public override void Describe(JsonObject schema) => schema["minimum"] = Limit;
}
