using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>How a twin behaviour reads and sets its device's PVs, as the IOC's own logic would.</summary>
public sealed class TwinPvWriter(RecordDatabase records, string prefix)
{
    private static readonly ClientIdentity Ioc = new("twin", "localhost", null);

    /// <summary>Sets <paramref name="suffix"/> (after the prefix) to <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The PV does not exist or refused the value.</exception>
    public async Task SetAsync(string suffix, DbrValue value, CancellationToken cancellationToken = default)
    {
        var status = await Pv(suffix).WriteAsync(value, Ioc, cancellationToken).ConfigureAwait(false);
        if (status != Eca.Normal)
        {
            throw new InvalidOperationException($"The twin could not set {prefix}{suffix}: {status.Name}.");
        }
    }

    /// <summary>Sets a number.</summary>
    public Task SetAsync(string suffix, double value, CancellationToken cancellationToken = default) => SetAsync(suffix, DbrValue.Of(value), cancellationToken);

    /// <summary>Sets a string or enum label.</summary>
    public Task SetAsync(string suffix, string value, CancellationToken cancellationToken = default) => SetAsync(suffix, DbrValue.Of(value), cancellationToken);

    /// <summary>Sets text: a CHAR waveform (a long string) gets its bytes and a terminating NUL.</summary>
    public Task SetTextAsync(string suffix, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pv = Pv(suffix);
        if (pv.NativeType != DbrType.Char)
        {
            return SetAsync(suffix, text, cancellationToken);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text + "\0");
        return SetAsync(suffix, new DbrValue(DbrType.Char, bytes.Length > pv.MaxElements ? bytes[..pv.MaxElements] : bytes), cancellationToken);
    }

    /// <summary>The text of <paramref name="suffix"/>: a CHAR waveform's bytes up to the first NUL, else the value as a string.</summary>
    public string GetText(string suffix)
    {
        var value = Get(suffix);
        if (value.ValueType != DbrType.Char)
        {
            return value.GetString();
        }

        var bytes = (byte[])value.Values;
        var end = Array.IndexOf(bytes, (byte)0, 0, value.Count);
        return System.Text.Encoding.UTF8.GetString(bytes, 0, end < 0 ? value.Count : end);
    }

    /// <summary>The full PV name of <paramref name="suffix"/>.</summary>
    public string Name(string suffix) => prefix + suffix;

    /// <summary>The current value of <paramref name="suffix"/>.</summary>
    public DbrValue Get(string suffix) => Pv(suffix).Read();

    /// <summary>The record named <paramref name="suffix"/>, for its <c>Processed</c> event.</summary>
    public ChannelAccess.SoftIoc.Records.Record Record(string suffix) =>
        records.FindRecord(prefix + suffix) ?? throw new InvalidOperationException($"The twin has no record {prefix}{suffix}.");

    private IServerPv Pv(string suffix) => records.Find(prefix + suffix) ?? throw new InvalidOperationException($"The twin has no PV {prefix}{suffix}.");
}
