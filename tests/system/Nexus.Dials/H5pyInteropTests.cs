using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hyperion.Nexus.Compression;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>Our files and chunks against h5py with Debian's bitshuffle plugin, the HDF5 stack DIALS uses.</summary>
[Collection("dials")]
public sealed class H5pyInteropTests : IDisposable
{
    private readonly Dataset _data = Dataset.Write(
        "h5_1",
        DetectorGeometry.Eiger4M(200),
        NxmxScan.Rotation(0, 0.1, 5),
        [new(1000.5, 400.5, 3)],
        new DataFileOptions { FramesPerFile = 3 });

    private readonly string _scratch = Directory.CreateTempSubdirectory("hyperion-h5py-").FullName;

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task H5py_reads_our_data_files_with_the_plugins_filter_pipeline_and_our_exact_chunks()
    {
        var file = _data.Collection.DataFiles[1];
        var probe = await ExternalTool.ProbeAsync("h5py_probe.py", _data.Directory, "data", file.FilePath);
        var (width, height) = (_data.Detector.Width, _data.Detector.Height);

        Assert.Equal([2, height, width], Ints(probe["shape"]));
        Assert.Equal([-1, height, width], Ints(probe["maxshape"]));
        Assert.Equal([1, height, width], Ints(probe["chunks"]));
        Assert.Equal("uint32", (string?)probe["dtype"]);
        Assert.Equal("[[32008,1,[0,3,4,0,2]]]", probe["filters"]!.ToJsonString());
        Assert.Equal((4, 5), ((int)probe["image_nr_low"]!, (int)probe["image_nr_high"]!));
        for (var i = 0; i < 2; i++)
        {
            var frame = _data.Frame(3 + i);
            Assert.Equal(frame.Sum(v => (long)v), (long)probe["sums"]![i]!);
            var chunk = BitshuffleLz4.Compress(MemoryMarshal.AsBytes(frame.AsSpan()), sizeof(uint));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(chunk)), (string?)probe["chunk_sha256"]![i]);
        }
    }

    [Fact]
    public async Task H5py_reads_the_masters_virtual_dataset_and_links_from_another_directory()
    {
        var probe = await ExternalTool.ProbeAsync("h5py_probe.py", _data.Directory, "master", _data.MasterPath);
        Assert.True((bool)probe["virtual"]!);
        Assert.Equal([5, _data.Detector.Height, _data.Detector.Width], Ints(probe["shape"]));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => _data.Frame(i).Sum(v => (long)v)), probe["sums"]!.AsArray().Select(v => (long)v!));
        Assert.Equal(["data_000001", "data_000002"], probe["links"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("NXmx", (string?)probe["definition"]);
        Assert.Equal(["32008"], probe["mask_filters"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(_data.Mask.MaskedCount, (int)probe["masked"]!);
        Assert.Equal("/entry/sample/transformations/sam_y", (string?)probe["depends_on"]!["sam_x"]);
        Assert.Equal(".", (string?)probe["depends_on"]!["omega"]);
    }

    [Theory]
    [InlineData("uint16", 301, 257)]
    [InlineData("uint32", 517, 203)]
    [InlineData("uint32", 2162, 2068)]
    public async Task Compressed_chunks_match_the_bitshuffle_plugin_byte_for_byte(string dtype, int height, int width)
    {
        const int frames = 3;
        var target = Path.Combine(_scratch, $"{dtype}_{height}x{width}");
        var probe = await ExternalTool.ProbeAsync("h5py_probe.py", _scratch, "compress", dtype, $"{height}", $"{width}", $"{frames}", "42", target);
        var elementSize = dtype == "uint16" ? 2 : 4;
        var raw = await File.ReadAllBytesAsync(target + ".raw");
        var chunks = await File.ReadAllBytesAsync(target + ".chunks");
        var frameBytes = height * width * elementSize;
        var offset = 0;
        for (var i = 0; i < frames; i++)
        {
            var length = (int)probe["lengths"]![i]!;
            var plugin = chunks.AsSpan(offset, length);
            var frame = raw.AsSpan(i * frameBytes, frameBytes);
            Assert.True(plugin.SequenceEqual(BitshuffleLz4.Compress(frame, elementSize)), $"frame {i}: our chunk differs from the plugin's");
            Assert.True(frame.SequenceEqual(BitshuffleLz4.Decompress(plugin, elementSize)), $"frame {i}: the plugin's chunk decompresses differently");
            offset += length;
        }
    }

    private static int[] Ints(JsonNode? node) => node!.AsArray().Select(v => (int)v!).ToArray();
}
