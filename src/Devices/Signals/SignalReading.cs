using Hyperion.Engine.Protocols;

namespace Hyperion.Devices.Signals;

/// <summary>A signal's value with its time stamp (seconds since the Unix epoch) and alarm severity.</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly record struct SignalReading<T>(T Value, double Timestamp, int AlarmSeverity = 0)
{
    /// <summary>The reading as documents carry it (enum values as their labels).</summary>
    public Reading ToReading() => new(SignalDatatype<T>.ToDocument(Value), Timestamp, AlarmSeverity);
}
