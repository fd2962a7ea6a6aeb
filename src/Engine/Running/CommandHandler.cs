using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Running;

/// <summary>Carries out one command: receives the message and returns the response sent back into the plan.</summary>
/// <param name="msg">The message.</param>
/// <param name="cancellationToken">Cancelled when the RunEngine is interrupted (pause, stop, abort, halt, suspend).</param>
public delegate ValueTask<object?> CommandHandler(Msg msg, CancellationToken cancellationToken);
