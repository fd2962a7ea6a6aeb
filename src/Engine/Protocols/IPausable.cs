namespace Hyperion.Engine.Protocols;

/// <summary>Something told when the RunEngine pauses and resumes.</summary>
public interface IPausable
{
    /// <summary>Called when the RunEngine pauses; may throw NoReplayAllowed.</summary>
    ValueTask PauseAsync(CancellationToken cancellationToken = default);

    /// <summary>Called when the RunEngine resumes.</summary>
    ValueTask ResumeAsync(CancellationToken cancellationToken = default);
}
