using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// How a served PV's values become replies and how written data becomes the PV's native type, as rsrv's dbGet and
/// dbPut do. Shared by <see cref="ServerCircuit"/> and the in-process client so that both paths convert identically.
/// </summary>
internal static class PvValueConversion
{
    private static readonly DbrValue EmptyClassName = DbrValue.Of(string.Empty);

    /// <summary>True for the exceptions a DBR conversion throws when a value does not convert (dbGet/dbPut failing).</summary>
    public static bool IsConversionFailure(Exception exception) =>
        exception is CaProtocolException or FormatException or OverflowException or InvalidCastException or ArgumentException;

    /// <summary>True when a request of <paramref name="count"/> elements suits a PV of <paramref name="maxElements"/> (else ECA_BADCOUNT).</summary>
    public static bool CountFits(uint count, int maxElements, bool allowZeroCount) =>
        count <= (uint)Math.Max(maxElements, 0) && (allowZeroCount || count != 0);

    /// <summary>The element count of a reply that asked for 0 elements: the current length (one for the special types).</summary>
    public static int CurrentLength(DbrType type, DbrValue value) => type switch
    {
        DbrType.PutAckt or DbrType.PutAcks or DbrType.ClassName => 1,
        _ => value.Count,
    };

    /// <summary>
    /// Converts <paramref name="value"/> of <paramref name="pv"/> for a reply of <paramref name="type"/> with
    /// <paramref name="requested"/> elements (0: the current length). Returns ECA_NORMAL with the converted value and
    /// count, ECA_TOLARGE when the reply exceeds <paramref name="maxArrayBytes"/>, or ECA_GETFAIL with the conversion's
    /// <paramref name="error"/>.
    /// </summary>
    public static EcaStatus Prepare(IServerPv pv, DbrType type, uint requested, DbrValue value, int maxArrayBytes, out DbrValue converted, out int count, out Exception? error)
    {
        ArgumentNullException.ThrowIfNull(pv);
        ArgumentNullException.ThrowIfNull(value);
        count = requested == 0 ? CurrentLength(type, value) : (int)requested;
        converted = null!;
        error = null;
        if (DbrTypes.Size(type, count) > maxArrayBytes)
        {
            return Eca.Tolarge;
        }

        try
        {
            converted = type switch
            {
                DbrType.PutAckt => new DbrValue(DbrType.Enum, new[] { value.AckTransient }),
                DbrType.PutAcks => new DbrValue(DbrType.Enum, new[] { value.AckSeverity }),
                DbrType.ClassName => string.IsNullOrEmpty(pv.ClassName) ? EmptyClassName : DbrValue.Of(pv.ClassName),
                _ => DbrConvert.To(value, DbrTypes.ValueTypeOf(type)),
            };
            return Eca.Normal;
        }
        catch (Exception ex) when (IsConversionFailure(ex))
        {
            // The value does not convert (dbGet fails): rsrv answers ECA_GETFAIL with zeroed data.
            error = ex;
            return Eca.Getfail;
        }
    }

    /// <summary>
    /// Decodes a write's <paramref name="payload"/> of <paramref name="count"/> elements of <paramref name="type"/> and
    /// converts it to <paramref name="nativeType"/>. Returns ECA_NORMAL with the value, or ECA_PUTFAIL: for the
    /// special types (alarm acknowledgement and the read-only strings cannot be written through
    /// <see cref="IServerPv"/>) or, with <paramref name="error"/>, when the data does not convert.
    /// <paramref name="readCurrent"/> supplies the PV's value (for its enum strings) and may return null.
    /// </summary>
    public static EcaStatus ConvertWrite(DbrType type, int count, ReadOnlySpan<byte> payload, DbrType nativeType, Func<DbrValue?> readCurrent, out DbrValue value, out Exception? error)
    {
        ArgumentNullException.ThrowIfNull(readCurrent);
        value = null!;
        error = null;
        if (DbrTypes.CategoryOf(type) == DbrCategory.Special)
        {
            return Eca.Putfail;
        }

        try
        {
            value = ToNative(nativeType, DbrCodec.Decode(type, count, payload), readCurrent);
            return Eca.Normal;
        }
        catch (Exception ex) when (IsConversionFailure(ex))
        {
            // dbPut fails on a string that does not convert; rsrv then answers ECA_PUTFAIL.
            error = ex;
            return Eca.Putfail;
        }
    }

    /// <summary>Converts written data to the PV's native type (throws the conversion's exception when it does not convert).</summary>
    public static DbrValue ToNative(DbrType nativeType, DbrValue written, Func<DbrValue?> readCurrent)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(readCurrent);
        if (written.ValueType == nativeType)
        {
            return written;
        }

        if (written.ValueType == DbrType.String && nativeType == DbrType.Enum && readCurrent() is { } current)
        {
            // Labels are matched against the PV's own state strings.
            written = new DbrValue(DbrType.String, written.Values) { EnumStrings = current.EnumStrings };
        }
        else if (nativeType == DbrType.String && written.ValueType is DbrType.Float or DbrType.Double)
        {
            // A number written to a string PV keeps all of its digits (no display precision on the wire).
            written = new DbrValue(written.ValueType, written.Values) { Precision = -1 };
        }

        return DbrConvert.To(written, nativeType);
    }

    /// <summary>The outcome of a PV's completed write: a null status or a failure is ECA_PUTFAIL (with the exception).</summary>
    public static EcaStatus ResultOf(ValueTask<EcaStatus> completed, out Exception? error)
    {
        error = null;
        try
        {
            return completed.Result ?? Eca.Putfail;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex;
            return Eca.Putfail;
        }
    }

    /// <summary>Awaits a PV's write: a null status, a cancellation or a failure is ECA_PUTFAIL; <paramref name="onError"/> hears of failures.</summary>
    public static async Task<EcaStatus> AwaitWriteAsync(ValueTask<EcaStatus> pending, Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(onError);
        try
        {
            return await pending.ConfigureAwait(false) ?? Eca.Putfail;
        }
        catch (OperationCanceledException)
        {
            return Eca.Putfail;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            onError(ex);
            return Eca.Putfail;
        }
    }
}
