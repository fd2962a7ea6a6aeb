using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>The value must be greater than <see cref="Limit"/> (pydantic's <c>gt</c>).</summary>
/// <param name="limit">The exclusive lower limit.</param>
public sealed class GreaterThanAttribute(double limit) : FieldConstraintAttribute
{
    /// <summary>The exclusive lower limit.</summary>
    public double Limit { get; } = limit;

    /// <inheritdoc/>
    public override (string Rule, string Message)? Check(object value) =>
        AsNumber(value) is { } number && !(number > Limit) ? ("greater_than", $"Input should be greater than {Limit}") : null;

    /// <inheritdoc/>
    public override void Describe(JsonObject schema) => schema["exclusiveMinimum"] = Limit;
}
