using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>The monitor rule of stringin and stringout: post on a change of VAL, or always per MPST/APST.</summary>
internal static class StringMonitor
{
    /// <summary>The events to post for VAL, starting from the alarm events <paramref name="events"/>.</summary>
    public static EventMask Events(EventMask events, RecordField val, RecordField oval, RecordField mpst, RecordField apst)
    {
        if (!string.Equals(oval.Text, val.Text, StringComparison.Ordinal))
        {
            events |= EventMask.Value | EventMask.Log;
            oval.SetText(val.Text);
        }

        if (mpst.Number == 1)
        {
            events |= EventMask.Value;
        }

        if (apst.Number == 1)
        {
            events |= EventMask.Log;
        }

        return events;
    }
}
