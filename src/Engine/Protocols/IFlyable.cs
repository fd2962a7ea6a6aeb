using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Protocols;

/// <summary>Something that acquires on its own once kicked off (a flyer).</summary>
public interface IFlyable : IHasName
{
    /// <summary>Starts the fly scan; the status finishes once it is under way.</summary>
    Status Kickoff();

    /// <summary>Asks the flyer to finish; the status finishes when it has.</summary>
    Status Complete();
}
