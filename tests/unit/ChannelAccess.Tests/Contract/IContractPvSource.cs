namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>
/// The server side of the <see cref="PvClientContractTests"/>: whatever serves PVs to the client under test (our CA
/// server with a provider, the scripted fake server, the twin's PV database). Names are chosen by the tests and
/// are unique per test, so one long-lived source may serve many tests.
/// </summary>
public interface IContractPvSource : IAsyncDisposable
{
    /// <summary>
    /// Serves a PV whose native type is <paramref name="initial"/>'s value type, whose value, alarm state, time
    /// stamp (default: now), units, precision, limits and enum strings are <paramref name="initial"/>'s, and whose
    /// NELM is <paramref name="maxElements"/> (default: the initial length, at least 1). Readable and writable.
    /// </summary>
    void CreatePv(string name, DbrValue initial, int? maxElements = null);

    /// <summary>Changes the value from the server side (as record processing would); subscribers are told per their masks.</summary>
    void SetValue(string name, DbrValue value);

    /// <summary>The current value as the source holds it (after a client's put, the converted value).</summary>
    DbrValue GetValue(string name);

    /// <summary>Makes the PV read-only (ACCESS_RIGHTS without write) or writable again, for clients connecting afterwards.</summary>
    void SetReadOnly(string name, bool readOnly);

    /// <summary>
    /// When <paramref name="late"/>, a put-and-wait is applied at once but reported complete only when
    /// <see cref="CompletePendingWrites"/> is called (as a motor's VAL completes when its move ends).
    /// </summary>
    void SetCompletesLate(string name, bool late);

    /// <summary>Waits until a put-and-wait to <paramref name="name"/> is being held.</summary>
    Task WaitForPendingWriteAsync(string name, TimeSpan timeout);

    /// <summary>Completes every held put-and-wait to <paramref name="name"/>.</summary>
    void CompletePendingWrites(string name);
}
