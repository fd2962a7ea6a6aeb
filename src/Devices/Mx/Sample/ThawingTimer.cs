using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>
/// Thaws for a number of seconds (dodal's ThawingTimer): set switches the thawer on, waits, and always switches it
/// off again, also when stopped. It has no PVs of its own; it drives the thawer's control signal.
/// </summary>
public sealed class ThawingTimer : Device, IMovable, IStoppable
{
    private readonly SignalRW<OnOff> _control;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task? _thawing;
    private Func<Task>? _cancel;

    /// <summary>Creates the timer over the thawer's <paramref name="control"/>.</summary>
    public ThawingTimer(SignalRW<OnOff> control, TimeProvider? timeProvider = null, string name = "")
        : base(name)
    {
        _control = control;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A plan's set: thaws for <paramref name="value"/> seconds.</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<double>.Coerce(value, Name)), this);

    /// <summary>
    /// Switches on, thaws for <paramref name="seconds"/>, then switches off. Fails with
    /// <see cref="ThawingException"/> if a thaw is already running (after switching on, as dodal does: the running
    /// thaw switches it off when it ends), and is cancelled by <see cref="StopAsync"/>.
    /// </summary>
    public async Task SetAsync(double seconds, CancellationToken cancellationToken = default)
    {
        await _control.SetAsync(OnOff.On, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task thawing;
        lock (_gate)
        {
            if (_thawing is { IsCompleted: false })
            {
                throw new ThawingException("Thawing task already in progress");
            }

            _cancel = stop.CancelAsync;
            thawing = _thawing = Task.Delay(TimeSpan.FromSeconds(seconds), _time, stop.Token);
        }

        try
        {
            await thawing.ConfigureAwait(false);
        }
        finally
        {
            await _control.SetAsync(OnOff.Off, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels a running thaw; its set then fails as cancelled, after switching the thawer off.</summary>
    public async ValueTask StopAsync(bool success = true, CancellationToken cancellationToken = default)
    {
        Func<Task>? cancel;
        lock (_gate)
        {
            cancel = _thawing is { IsCompleted: false } ? _cancel : null;
        }

        if (cancel is not null)
        {
            await cancel().ConfigureAwait(false);
        }
    }
}
