using System.Collections;
using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>A string must have at least <see cref="Length"/> characters, a list at least that many items (pydantic's
/// <c>min_length</c>).</summary>
/// <param name="length">The least length.</param>
public sealed class MinLengthAttribute(int length) : FieldConstraintAttribute
{
    /// <summary>The least length.</summary>
    public int Length { get; } = length;

    /// <inheritdoc/>
    public override (string Rule, string Message)? Check(object value)
    {
        switch (value)
        {
            case string text when text.Length < Length:
                return ("string_too_short", $"String should have at least {Length} character{(Length == 1 ? "" : "s")}");
            case ICollection list when list.Count < Length:
                return ("too_short", $"List should have at least {Length} item{(Length == 1 ? "" : "s")} after validation, not {list.Count}");
            default:
                return null;
        }
    }

    /// <inheritdoc/>
    public override void Describe(JsonObject schema)
    {
        // The schema node tells strings from arrays by its "type"; both keywords are harmless on the other kind.
        var type = schema["type"]?.ToJsonString() ?? "";
        schema[type.Contains("array", StringComparison.Ordinal) ? "minItems" : "minLength"] = Length;
    }
}
