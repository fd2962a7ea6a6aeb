namespace Hyperion.SimBeamline.Detector;

/// <summary>The kinds of <see cref="EigerCommand"/>.</summary>
public enum EigerCommandKind
{
    /// <summary>The file writer's file name was set.</summary>
    FileName,

    /// <summary>The file writer's directory was set.</summary>
    FilePath,

    /// <summary>The file writer's Capture was set (Number: the demand).</summary>
    Capture,

    /// <summary>The meta listener was told to stop.</summary>
    MetaStop,

    /// <summary>The camera's Acquire was set (Number: the demand).</summary>
    Acquire,

    /// <summary>An external trigger arrived (Context: what the pulse carried).</summary>
    Trigger,

    /// <summary>The writer finished a frame (Number: frames written in this capture).</summary>
    FrameWritten,

    /// <summary>The writer failed (Context: the exception).</summary>
    WriteFailed,

    /// <summary>The detector finished all the frames it was armed for.</summary>
    AcquisitionDone,

    /// <summary>The file writers' errors were cleared.</summary>
    ClearErrors,

    /// <summary>Odin's StartTimeout was set: close the capture once the frames already exposed are written.</summary>
    StartTimeout,

    /// <summary>Every frame exposed before a StartTimeout has been written (Context: the capture to close).</summary>
    CloseCapture,
}
