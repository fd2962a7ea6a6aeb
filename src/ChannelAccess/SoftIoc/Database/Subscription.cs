using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Records;

namespace Hyperion.ChannelAccess.SoftIoc.Database;

/// <summary>A monitor on one field through one PV view; disposing it stops the updates, queued ones included.</summary>
internal sealed class Subscription : IDisposable
{
    private readonly RecordField _field;
    private volatile bool _active = true;

    public Subscription(RecordField field, FieldPv view, Action<PvUpdate> callback)
    {
        _field = field;
        View = view;
        Callback = callback;
    }

    /// <summary>The PV the subscriber opened (it decides how the value is shown).</summary>
    public FieldPv View { get; }

    /// <summary>The subscriber.</summary>
    public Action<PvUpdate> Callback { get; }

    /// <summary>False once disposed.</summary>
    public bool IsActive => _active;

    public void Dispose()
    {
        if (!_active)
        {
            return;
        }

        _active = false;
        if (_field.Record.Database is { } database)
        {
            lock (database.Gate)
            {
                _field.Unsubscribe(this);
            }
        }
        else
        {
            _field.Unsubscribe(this);
        }
    }
}
