using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// A rule on one field's value (pydantic's <c>Field(gt=...)</c>, <c>pattern=</c>, <c>min_length=</c>). The loader checks
/// it after the value has its type, and the schema exporter writes it into the field's JSON schema, so the two agree.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public abstract class FieldConstraintAttribute : Attribute
{
    /// <summary>Whether the rule applies to each item of a list field rather than to the list (<c>list[PositiveInt]</c>).</summary>
    public bool ApplyToItems { get; set; }

    /// <summary>Returns the broken rule (a pydantic error type) and what is wrong with <paramref name="value"/> (already
    /// converted to the field's type), or null when the value keeps the rule.</summary>
    public abstract (string Rule, string Message)? Check(object value);

    /// <summary>Adds the rule to a JSON schema node (<c>exclusiveMinimum</c>, <c>pattern</c>, ...).</summary>
    public abstract void Describe(JsonObject schema);

    /// <summary>The value as a number, for numeric rules.</summary>
    private protected static double? AsNumber(object value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => null,
    };
}
