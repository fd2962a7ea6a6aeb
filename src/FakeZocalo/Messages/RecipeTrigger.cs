namespace Hyperion.FakeZocalo.Messages;

/// <summary>
/// A start or end message as Hyperion's <c>ZocaloTrigger</c> sends it to <c>processing_recipe</c>:
/// <c>{"recipes": ["mimas"], "parameters": {"ispyb_dcid": N, "filename": ..., "start_frame_index": ...,
/// "number_of_frames": ..., "message_index": ..., "event": "start"}}</c>.
/// </summary>
/// <param name="Recipes">The recipes asked for (Hyperion asks for <c>mimas</c>).</param>
/// <param name="Event">Start or end.</param>
/// <param name="Dcid">The ISPyB data collection id.</param>
/// <param name="Filename">The detector's file stem (<c>prefix_run</c>); start only.</param>
/// <param name="StartFrameIndex">The first frame of this collection within the file series; start only.</param>
/// <param name="NumberOfFrames">How many frames this collection has; start only.</param>
/// <param name="MessageIndex">This start's place among the starts sharing the file series; start only.</param>
/// <param name="Guid">The sender's message id, when given.</param>
public sealed record RecipeTrigger(
    IReadOnlyList<string> Recipes,
    TriggerEvent Event,
    long Dcid,
    string? Filename = null,
    int StartFrameIndex = 0,
    int NumberOfFrames = 0,
    int MessageIndex = 0,
    string? Guid = null);
