namespace Hyperion.FakeZocalo.Messages;

/// <summary>A data collection's end message arrived.</summary>
public sealed record CollectionEnded(long Dcid, long Dcgid) : ReducerInput(Dcid, Dcgid);
