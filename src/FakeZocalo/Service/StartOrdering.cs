using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// Puts the starts sharing one file series back in <c>message_index</c> order: a start whose predecessors have
/// not arrived waits (held, unacknowledged) until they do, or until the ordering timeout gives up on them.
/// </summary>
internal sealed class StartOrdering(TimeProvider time, TimeSpan timeout)
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    /// <summary>
    /// Offers a start; returns the starts now ready to process, in order (possibly none, when it must wait).
    /// Starts already seen for the same dcid come back flagged as duplicates.
    /// </summary>
    public List<(RecipeTrigger Trigger, TransportMessage Message, bool Duplicate)> Offer(RecipeTrigger trigger, TransportMessage message)
    {
        var series = SeriesFor(trigger.Filename!);
        var ready = new List<(RecipeTrigger, TransportMessage, bool)>();
        if (series.Started.Contains(trigger.Dcid))
        {
            ready.Add((trigger, message, true));
            return ready;
        }

        if (trigger.MessageIndex > series.Next)
        {
            series.Waiting[trigger.MessageIndex] = (trigger, message, time.GetUtcNow());
            return ready;
        }

        Accept(series, trigger, message, ready);
        Drain(series, ready, force: false);
        return ready;
    }

    /// <summary>Releases starts that have waited longer than the timeout for their predecessors, in order.</summary>
    public List<(RecipeTrigger Trigger, TransportMessage Message, bool Duplicate)> Expire()
    {
        var ready = new List<(RecipeTrigger, TransportMessage, bool)>();
        var now = time.GetUtcNow();
        foreach (var series in _series.Values)
        {
            if (series.Waiting.Count > 0 && series.Waiting.Values.Min(w => w.Since) + timeout <= now)
            {
                Drain(series, ready, force: true);
            }
        }

        return ready;
    }

    /// <summary>How many starts are waiting for a predecessor.</summary>
    public int WaitingCount => _series.Values.Sum(s => s.Waiting.Count);

    private static void Accept(Series series, RecipeTrigger trigger, TransportMessage message, List<(RecipeTrigger, TransportMessage, bool)> ready)
    {
        series.Started.Add(trigger.Dcid);
        series.Next = Math.Max(series.Next, trigger.MessageIndex + 1);
        ready.Add((trigger, message, false));
    }

    private static void Drain(Series series, List<(RecipeTrigger, TransportMessage, bool)> ready, bool force)
    {
        while (series.Waiting.Count > 0)
        {
            var (index, waiting) = series.Waiting.First();
            if (index > series.Next && !force)
            {
                return;
            }

            series.Waiting.Remove(index);
            if (series.Started.Contains(waiting.Trigger.Dcid))
            {
                ready.Add((waiting.Trigger, waiting.Message, true));
                continue;
            }

            Accept(series, waiting.Trigger, waiting.Message, ready);
        }
    }

    private Series SeriesFor(string filename)
    {
        if (!_series.TryGetValue(filename, out var series))
        {
            series = new Series();
            _series[filename] = series;
        }

        return series;
    }

    private sealed class Series
    {
        public int Next { get; set; }

        public HashSet<long> Started { get; } = [];

        public SortedDictionary<int, (RecipeTrigger Trigger, TransportMessage Message, DateTimeOffset Since)> Waiting { get; } = [];
    }
}
