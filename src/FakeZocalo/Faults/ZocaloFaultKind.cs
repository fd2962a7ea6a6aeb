namespace Hyperion.FakeZocalo.Faults;

/// <summary>How the service misbehaves for a matching collection, to test how Hyperion copes.</summary>
public enum ZocaloFaultKind
{
    /// <summary>Publish nothing.</summary>
    NoReply,

    /// <summary>Publish the real result after a delay.</summary>
    LateReply,

    /// <summary>Publish the real result twice.</summary>
    Duplicate,

    /// <summary>Publish the real result under a dcid and dcgid that are not the collection's.</summary>
    WrongDcid,

    /// <summary>Publish <c>results: []</c> whatever the frames hold (dodal's NO_DIFF).</summary>
    EmptyResults,

    /// <summary>Add a second crystal, a copy of the best one shifted by the fault's offset (dodal's MULTI_X).</summary>
    ExtraCrystal,
}
