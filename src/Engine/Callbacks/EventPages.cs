using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Callbacks;

/// <summary>Packs events into pages and unpacks pages into events (event-model's pack/unpack_event_page).</summary>
public static class EventPages
{
    /// <summary>Splits a page into its events.</summary>
    public static IEnumerable<Event> Unpack(EventPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var i = 0; i < page.Count; i++)
        {
            yield return new Event
            {
                Uid = page.Uid[i],
                Time = page.Time[i],
                Descriptor = page.Descriptor,
                SeqNum = page.SeqNum[i],
                Data = page.Data.ToDictionary(p => p.Key, p => p.Value[i], StringComparer.Ordinal),
                Timestamps = page.Timestamps.ToDictionary(p => p.Key, p => p.Value[i], StringComparer.Ordinal),
                Filled = page.Filled.ToDictionary(p => p.Key, p => p.Value[i], StringComparer.Ordinal),
            };
        }
    }

    /// <summary>Packs events of one descriptor into a page.</summary>
    public static EventPage Pack(IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Cannot pack an empty list of events into a page.", nameof(events));
        }

        var first = events[0];
        if (events.Any(e => e.Descriptor != first.Descriptor))
        {
            throw new ArgumentException("Only events of one descriptor can share a page.", nameof(events));
        }

        return new EventPage
        {
            Uid = events.Select(e => e.Uid).ToList(),
            Time = events.Select(e => e.Time).ToList(),
            Descriptor = first.Descriptor,
            SeqNum = events.Select(e => e.SeqNum).ToList(),
            Data = first.Data.Keys.ToDictionary(k => k, k => events.Select(e => e.Data[k]).ToList(), StringComparer.Ordinal),
            Timestamps = first.Timestamps.Keys.ToDictionary(k => k, k => events.Select(e => e.Timestamps[k]).ToList(), StringComparer.Ordinal),
            Filled = first.Filled.Keys.ToDictionary(k => k, k => events.Select(e => e.Filled[k]).ToList(), StringComparer.Ordinal),
        };
    }
}
