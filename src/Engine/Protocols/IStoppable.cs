namespace Hyperion.Engine.Protocols;

/// <summary>Something that can be stopped ('stop', and by the RunEngine's cleanup of everything it moved).</summary>
public interface IStoppable
{
    /// <summary>Stops; <paramref name="success"/> says whether the stop is part of a normal end.</summary>
    ValueTask StopAsync(bool success = true, CancellationToken cancellationToken = default);
}
