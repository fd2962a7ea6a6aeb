using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Pv;

/// <summary>The argument checks every <see cref="IPvChannel"/> makes before a request, so all clients refuse alike.</summary>
internal static class PvRequestChecks
{
    /// <summary>A category-based read: the special types need an explicit DBR type.</summary>
    public static void ReadCategory(DbrCategory category)
    {
        if (category == DbrCategory.Special)
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Read the special DBR types with GetAsync(DbrType, ...).");
        }
    }

    /// <summary>An explicit DBR type.</summary>
    public static void Type(DbrType type)
    {
        if (!DbrTypes.IsValid((ushort)type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not a DBR type.");
        }
    }

    /// <summary>A subscription: a callback, a count of 0 or more, a value type's category and a mask that selects events.</summary>
    public static void Subscription(string pvName, Action<DbrValue> onUpdate, EventMask mask, DbrCategory category, int count)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (category == DbrCategory.Special)
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Subscriptions carry a value type's category.");
        }

        if ((mask & (EventMask.Value | EventMask.Log | EventMask.Alarm | EventMask.Property)) == EventMask.None)
        {
            throw new PvException(pvName, "subscribe", $"the event mask {mask} selects no events", Eca.Badmask);
        }
    }
}
