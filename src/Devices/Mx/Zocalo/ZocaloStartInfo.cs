namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>What zocalo needs to start processing a collection (dodal's ZocaloStartInfo).</summary>
/// <param name="IspybDcid">The data collection id in ISPyB.</param>
/// <param name="Filename">The file the detector writes (into /dev/shm), if known.</param>
/// <param name="StartFrameIndex">The index of this collection's first image within the file.</param>
/// <param name="NumberOfFrames">How many frames the collection has.</param>
/// <param name="MessageIndex">Which trigger of the detector collection this is: 0 for the first after an arm.</param>
public sealed record ZocaloStartInfo(int IspybDcid, string? Filename, int StartFrameIndex, int NumberOfFrames, int MessageIndex)
{
    /// <summary>As the Python dataclass prints it, so log lines read as dodal's.</summary>
    public override string ToString() =>
        $"ZocaloStartInfo(ispyb_dcid={IspybDcid}, filename={(Filename is null ? "None" : $"'{Filename}'")}, start_frame_index={StartFrameIndex}, number_of_frames={NumberOfFrames}, message_index={MessageIndex})";
}
