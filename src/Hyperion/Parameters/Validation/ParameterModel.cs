using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The base of every parameter model. A model declares its fields as init properties (snake_case on the wire), their
/// rules as attributes (<see cref="RequiredFieldAttribute"/>, <see cref="FieldConstraintAttribute"/>) and its
/// cross-field rules in <see cref="Complete"/>, the way a pydantic model declares fields and validators.
/// </summary>
public abstract record ParameterModel
{
    /// <summary>This model as JSON (pydantic's <c>model_dump</c>): every field, derived values excluded.</summary>
    public JsonObject ToJson() => (JsonObject)JsonSerializer.SerializeToNode(this, SerializedType(GetType()), ParameterJson.Options)!;

    /// <summary>A member of a tagged union is written as its union so that its tag (<c>"name"</c>) is written too.</summary>
    private static Type SerializedType(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsDefined(typeof(JsonPolymorphicAttribute), inherit: false))
            {
                return t;
            }
        }

        return type;
    }

    /// <summary>Rewrites the raw document before its fields are read (a pydantic <c>mode="before"</c> model
    /// validator). Errors found here go to <paramref name="scope"/>.</summary>
    internal virtual JsonObject PrepareInput(JsonObject input, BindingScope scope) => input;

    /// <summary>Checks cross-field rules and fills in derived fields once every field has been read without error (a
    /// pydantic <c>mode="after"</c> model validator). Returns the model to keep, which may be a changed copy.</summary>
    internal virtual ParameterModel Complete(BindingScope scope) => this;
}
