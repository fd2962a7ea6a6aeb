namespace Hyperion.Cli.Parameters;

/// <summary>A parameter document broke one or more rules of its model; <see cref="Errors"/> lists every one found.</summary>
public sealed class ParameterValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="modelName"/> with its errors.</summary>
    public ParameterValidationException(string modelName, IReadOnlyList<ParameterError> errors)
        : base(Describe(modelName, errors))
    {
        ModelName = modelName;
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only (no field errors).</summary>
    public ParameterValidationException()
        : this("parameters", [])
    {
    }

    /// <summary>Creates the exception with a message only (no field errors).</summary>
    public ParameterValidationException(string message)
        : base(message)
    {
        ModelName = "parameters";
        Errors = [];
    }

    /// <summary>Creates the exception with a message and a cause (no field errors).</summary>
    public ParameterValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelName = "parameters";
        Errors = [];
    }

    /// <summary>The model the document was validated against (<c>LoadCentreCollect</c>).</summary>
    public string ModelName { get; }

    /// <summary>Every violated rule, in document order as far as it could be kept.</summary>
    public IReadOnlyList<ParameterError> Errors { get; }

    private static string Describe(string modelName, IReadOnlyList<ParameterError> errors)
    {
        var noun = errors.Count == 1 ? "error" : "errors";
        var lines = string.Join(Environment.NewLine, errors.Select(e => "  " + e));
        return $"{errors.Count} validation {noun} for {modelName}:{Environment.NewLine}{lines}";
    }
}
