namespace Hyperion.Devices.Signals;

/// <summary>A signal as a listing shows it: name, access, datatype and where it reads and writes.</summary>
/// <param name="Name">The signal's full name (e.g. smargon-x-user_readback).</param>
/// <param name="Access">Read, write, read-write or execute.</param>
/// <param name="Datatype">The value type (e.g. double, ShutterState (Closed, Open)).</param>
/// <param name="ReadSource">Where it reads from (e.g. ca://BL03I-MO-SGON-01:X.RBV); null for write-only signals.</param>
/// <param name="WriteSource">Where it writes to; null for read-only signals.</param>
/// <param name="Kind">What sort of value it carries.</param>
/// <param name="Choices">An enum signal's labels; null otherwise.</param>
/// <param name="DtypeNumpy">The numpy dtype of the value (of an array's elements).</param>
public sealed record SignalInfo(string Name, SignalAccess Access, string Datatype, string? ReadSource, string? WriteSource, SignalValueKind Kind, IReadOnlyList<string>? Choices, string DtypeNumpy);
