using System.Text;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;
using Hyperion.SimBeamline.Behaviours;

namespace Hyperion.SimBeamline.Tests;

/// <summary>
/// How a test drives the twin's PVs: puts through a client as an outside program makes them (wait for the channel,
/// put with completion), reads straight from the records, and waits on conditions with a time-out. Shared by the
/// unit tests and the DIALS system tests (linked there).
/// </summary>
public sealed class TwinPvs(SimulatedBeamline twin, IPvClient client, TimeSpan timeout)
{
    /// <summary>How long a put or a wait may take.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>Puts a number to <paramref name="pv"/> and waits for its completion.</summary>
    public Task PutAsync(string pv, double value) => PutAsync(pv, DbrValue.Of(value));

    /// <summary>Puts text to <paramref name="pv"/> as a CHAR waveform (with its NUL) and waits for its completion.</summary>
    public Task PutTextAsync(string pv, string text) => PutAsync(pv, new DbrValue(DbrType.Char, Encoding.ASCII.GetBytes(text + "\0")));

    /// <summary>Puts <paramref name="value"/> to <paramref name="pv"/> and waits for its completion.</summary>
    public async Task PutAsync(string pv, DbrValue value)
    {
        var channel = client.Channel(pv);
        await channel.WaitForConnectionAsync(timeout);
        await channel.PutAsync(value, wait: true).AsTask().WaitAsync(timeout);
    }

    /// <summary>The number <paramref name="pv"/> holds now.</summary>
    public double Read(string pv) => (twin.Records.Find(pv) ?? throw new ArgumentException($"The twin has no PV {pv}.", nameof(pv))).Read().GetDouble();

    /// <summary>The text <paramref name="pv"/> holds now (a CHAR waveform up to its NUL).</summary>
    public string Text(string pv) => new TwinPvWriter(twin.Records, string.Empty).GetText(pv);

    /// <summary>Waits until <paramref name="condition"/> holds, for at most <see cref="Timeout"/>.</summary>
    public Task WaitForAsync(Func<bool> condition, string what, Func<string>? detail = null) => WaitForAsync(condition, what, timeout, detail);

    /// <summary>Waits until <paramref name="condition"/> holds, for at most <paramref name="limit"/>.</summary>
    /// <exception cref="TimeoutException">It did not hold in time (the message says what was awaited, and <paramref name="detail"/>).</exception>
    public static async Task WaitForAsync(Func<bool> condition, string what, TimeSpan limit, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}{(detail is null ? string.Empty : "; " + detail())}.");
            }

            await Task.Delay(10);
        }
    }
}
