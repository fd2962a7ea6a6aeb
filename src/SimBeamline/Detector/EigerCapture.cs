using Hyperion.Nexus.DataFiles;
using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Detector;

/// <summary>
/// One Odin capture: the data files being written and how many frames it expects. Frames are rendered into one
/// reused buffer and written in order; a capture stopped early keeps the complete files it has.
/// </summary>
internal sealed class EigerCapture(DataFileSeriesWriter writer, int expected) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly List<OdinMetaFrame> _meta = [];
    private uint[]? _wide;
    private ushort[]? _narrow;
    private bool _closed;

    public int Expected { get; } = expected;

    public int Written { get; private set; }

    public DataFileSeriesWriter Writer { get; } = writer;

    public IReadOnlyList<DataFileInfo> Files
    {
        get
        {
            lock (_sync)
            {
                return [.. Writer.Files];
            }
        }
    }

    /// <summary>The meta file's rows for the frames written so far.</summary>
    public IReadOnlyList<OdinMetaFrame> Meta
    {
        get
        {
            lock (_sync)
            {
                return [.. _meta];
            }
        }
    }

    /// <summary>Renders and writes one frame exposed from <paramref name="startSeconds"/> after the arm; false when the capture was closed meanwhile.</summary>
    public (bool Written, FrameTruth? Truth, int ImageNumber) Write(DiffractionRenderer renderer, FrameRequest request, double startSeconds)
    {
        lock (_sync)
        {
            if (_closed || Written >= Expected)
            {
                return (false, null, 0);
            }

            FrameTruth truth;
            if (Writer.Options.PixelType == PixelType.UInt16)
            {
                _narrow ??= new ushort[Writer.Width * Writer.Height];
                truth = renderer.Render(request, _narrow);
                Writer.WriteFrame(_narrow);
            }
            else
            {
                _wide ??= new uint[Writer.Width * Writer.Height];
                truth = renderer.Render(request, _wide);
                Writer.WriteFrame(_wide);
            }

            var (start, real) = ((long)Math.Round(startSeconds * 1e9), (long)Math.Round(request.ExposureSeconds * 1e9));
            _meta.Add(new OdinMetaFrame(Written, Written, start, start + real, real, Writer.LastChunkBytes));
            Written++;
            return (true, truth, Written);
        }
    }

    /// <summary>Finishes the files written so far (their final names appear).</summary>
    public IReadOnlyList<DataFileInfo> Close()
    {
        lock (_sync)
        {
            _closed = true;
            return Writer.Close();
        }
    }

    public void Dispose() => Close();
}
