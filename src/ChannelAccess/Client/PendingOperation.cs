using Hyperion.ChannelAccess.Dbr;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// A request awaiting its reply on a circuit, under its I/O id. It completes with the reply, fails with a
/// <see cref="Pv.PvException"/> (an ECA status from the server, or the circuit's loss), or is cancelled by its token.
/// </summary>
internal sealed class PendingOperation
{
    private CancellationTokenRegistration _registration;

    /// <summary>Creates the operation.</summary>
    public PendingOperation(uint ioid, CaChannel channel, CaCircuitConnection connection, PendingOperationKind kind)
    {
        Ioid = ioid;
        Channel = channel;
        Connection = connection;
        Kind = kind;
    }

    /// <summary>The I/O id (READ_NOTIFY/WRITE_NOTIFY p2).</summary>
    public uint Ioid { get; }

    /// <summary>The channel.</summary>
    public CaChannel Channel { get; }

    /// <summary>The circuit the request went out on.</summary>
    public CaCircuitConnection Connection { get; }

    /// <summary>What the request is.</summary>
    public PendingOperationKind Kind { get; }

    /// <summary>The operation's name for errors: "get", "put" or "connect".</summary>
    public string Operation => Kind switch
    {
        PendingOperationKind.Read => "get",
        PendingOperationKind.Write => "put",
        _ => "connect",
    };

    /// <summary>Completes with the value read (null for a write).</summary>
    public TaskCompletionSource<DbrValue?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancels the operation through <paramref name="onCancel"/> when <paramref name="cancellationToken"/> fires.</summary>
    public void RegisterCancellation(Action<PendingOperation, CancellationToken> onCancel, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister((state, token) => onCancel((PendingOperation)state!, token), this);
        }
    }

    /// <summary>The reply arrived.</summary>
    public void Succeed(DbrValue? value)
    {
        _registration.Unregister();
        Completion.TrySetResult(value);
    }

    /// <summary>The request failed (the metadata read has no awaiter, so it is simply dropped).</summary>
    public void Fail(Exception exception)
    {
        _registration.Unregister();
        if (Kind != PendingOperationKind.Metadata)
        {
            Completion.TrySetException(exception);
        }
    }
}
