using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>One object being read: its JSON path and a way to report errors against its fields.</summary>
internal sealed class BindingScope
{
    private readonly IReadOnlyDictionary<string, string>? _origins;
    private readonly int _reportsAtStart;

    public BindingScope(BindingContext context, string path, IReadOnlyDictionary<string, string>? origins)
    {
        Context = context;
        Path = path;
        _origins = origins;
        _reportsAtStart = context.Reports;
    }

    /// <summary>The load this object belongs to.</summary>
    public BindingContext Context { get; }

    /// <summary>The object's JSON path (<c>$.multi_rotation_scan</c>).</summary>
    public string Path { get; }

    /// <summary>Whether any error has been reported since this object started being read.</summary>
    public bool Failed => Context.Reports > _reportsAtStart;

    /// <summary>The JSON path of field <paramref name="name"/> of this object, or of where it was copied from.</summary>
    public string Field(string name) =>
        _origins is not null && _origins.TryGetValue(name, out var origin) ? origin : $"{Path}.{name}";

    /// <summary>Reports an error at field <paramref name="name"/>.</summary>
    public void Error(string name, string rule, string message, object? value) =>
        Context.Add(Field(name), rule, message, value);

    /// <summary>Reports an error at an explicit JSON path.</summary>
    public void ErrorAt(string path, string rule, string message, object? value) =>
        Context.Add(path, rule, message, value);

    /// <summary>The JSON path of item <paramref name="index"/> of list field <paramref name="name"/>.</summary>
    public string Item(string name, int index) => $"{Field(name)}[{index}]";

    /// <summary>A scope for a nested object at <paramref name="path"/>.</summary>
    public BindingScope Nested(string path, JsonObject? document) =>
        new(Context, path, document is null ? null : Context.OriginsOf(document));
}
