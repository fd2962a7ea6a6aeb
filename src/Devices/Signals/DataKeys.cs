using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Signals;

/// <summary>Builds a signal's DataKey from its datatype, current value and metadata, as ophyd-async does.</summary>
public static class DataKeys
{
    /// <summary>The DataKey of a <typeparamref name="T"/> signal.</summary>
    public static DataKey For<T>(string source, T value, string? units = null, int? precision = null, Limits? limits = null, IReadOnlyList<string>? choices = null)
    {
        var numeric = SignalDatatype<T>.Kind is SignalValueKind.Number or SignalValueKind.Integer or SignalValueKind.Array or SignalValueKind.Image;
        return new DataKey
        {
            Dtype = SignalDatatype<T>.Dtype,
            DtypeNumpy = SignalDatatype<T>.DtypeNumpy,
            Shape = SignalDatatype<T>.Shape(value),
            Source = source,
            Units = numeric && !string.IsNullOrEmpty(units) ? units : null,
            Precision = SignalDatatype<T>.Kind is SignalValueKind.Number || (SignalDatatype<T>.Kind is SignalValueKind.Array && SignalDatatype<T>.DtypeNumpy.StartsWith("<f", StringComparison.Ordinal)) ? precision : null,
            Limits = numeric ? limits : null,
            Choices = SignalDatatype<T>.Kind == SignalValueKind.Enum ? choices ?? SignalDatatype<T>.Choices : null,
        };
    }
}
