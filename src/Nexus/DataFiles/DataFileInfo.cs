namespace Hyperion.Nexus.DataFiles;

/// <summary>A completed data file: where it is, the image number of its first frame (1-based), how many frames.</summary>
/// <param name="FilePath">The file's full path.</param>
/// <param name="FirstImageNumber">Its first frame's 1-based number in the collection (<c>image_nr_low</c>).</param>
/// <param name="FrameCount">Its frames.</param>
public sealed record DataFileInfo(string FilePath, int FirstImageNumber, int FrameCount)
{
    /// <summary>The file name, as the master file's external links name it.</summary>
    public string FileName => Path.GetFileName(FilePath);

    /// <summary>The last frame's image number (<c>image_nr_high</c>).</summary>
    public int LastImageNumber => FirstImageNumber + FrameCount - 1;
}
