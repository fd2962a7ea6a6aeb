using System.Text.Json;
using Hyperion.Nexus.Compression;

namespace Hyperion.Nexus.Tests.Compression;

public class BitshuffleLz4Tests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Golden");
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> GoldenCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Manifest())
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Compressed_chunks_match_the_bitshuffle_plugin_byte_for_byte(string name)
    {
        var (raw, expected, elementSize) = Load(name);
        var chunk = BitshuffleLz4.Compress(raw, elementSize);
        Assert.Equal(expected.Length, chunk.Length);
        Assert.Equal(expected, chunk);
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Plugin_chunks_decompress_to_the_original_elements(string name)
    {
        var (raw, chunk, elementSize) = Load(name);
        Assert.Equal(raw.Length, BitshuffleLz4.ReadUncompressedSize(chunk));
        Assert.Equal(raw, BitshuffleLz4.Decompress(chunk, elementSize));
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Every_kernel_gives_the_plugins_bytes(string name)
    {
        var (raw, expected, elementSize) = Load(name);
        foreach (var kernel in Kernels())
        {
            var chunk = new byte[BitshuffleLz4.MaxCompressedSize(raw.Length, elementSize)];
            var length = BitshuffleLz4.Compress(raw, chunk, elementSize, 0, kernel);
            Assert.True(expected.AsSpan().SequenceEqual(chunk.AsSpan(0, length)), $"{kernel} compresses {name} differently");
            var back = new byte[raw.Length];
            BitshuffleLz4.Decompress(expected, back, elementSize, kernel);
            Assert.True(raw.AsSpan().SequenceEqual(back), $"{kernel} decompresses {name} differently");
        }
    }

    [Fact]
    public void The_stored_filter_parameters_are_the_plugins()
    {
        foreach (var c in Manifest())
        {
            Assert.Equal(c.CdValues, BitshuffleLz4.FilterParameters(c.ElementSize));
        }
    }

    [Theory]
    [InlineData(1, 8192)]
    [InlineData(2, 4096)]
    [InlineData(4, 2048)]
    [InlineData(8, 1024)]
    [InlineData(3, 2728)]
    [InlineData(128, 128)]
    public void The_default_block_is_8_KiB_of_elements_in_multiples_of_8(int elementSize, int expected) =>
        Assert.Equal(expected, BitshuffleLz4.DefaultBlockSize(elementSize));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Transpose_kernels_agree_with_the_definition(int elementSize)
    {
        var random = new Random(elementSize);
        foreach (var count in new[] { 0, 8, 16, 24, 40, 64, 96, 128, 200, 2048, 4096 + 8 })
        {
            var source = new byte[count * elementSize];
            random.NextBytes(source);
            var expected = ReferenceShuffle(source, count, elementSize);
            foreach (var kernel in Kernels())
            {
                var shuffled = new byte[source.Length];
                BitTranspose.Shuffle(source, shuffled, new byte[source.Length], count, elementSize, kernel);
                Assert.True(expected.AsSpan().SequenceEqual(shuffled), $"{kernel}: {count} × {elementSize}");
                var back = new byte[source.Length];
                BitTranspose.Unshuffle(shuffled, back, new byte[source.Length], count, elementSize, kernel);
                Assert.True(source.AsSpan().SequenceEqual(back), $"{kernel} unshuffle: {count} × {elementSize}");
            }
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(4, 0)]
    [InlineData(4, 8)]
    [InlineData(2, 136)]
    [InlineData(4, 65536)]
    public void Chunks_round_trip_at_any_length_and_block_size(int elementSize, int blockSize)
    {
        var random = new Random(blockSize + elementSize);
        foreach (var count in new[] { 0, 1, 7, 8, 9, 127, 2047, 2048, 2049, 4096 * 3 + 13, 100_003 })
        {
            var source = new byte[count * elementSize];
            for (var i = 0; i < source.Length; i++)
            {
                source[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : 0);
            }

            var chunk = BitshuffleLz4.Compress(source, elementSize, blockSize);
            Assert.True(chunk.Length <= BitshuffleLz4.MaxCompressedSize(source.Length, elementSize, blockSize));
            Assert.Equal(source, BitshuffleLz4.Decompress(chunk, elementSize));
        }
    }

    [Fact]
    public void Typed_overloads_take_the_element_size_from_the_type()
    {
        var frame = Enumerable.Range(0, 1000).Select(i => (uint)(i * 7919 % 13)).ToArray();
        var chunk = new byte[BitshuffleLz4.MaxCompressedSize(frame.Length * 4, 4)];
        var length = BitshuffleLz4.CompressElements<uint>(frame, chunk);
        Assert.Equal(BitshuffleLz4.Compress(System.Runtime.InteropServices.MemoryMarshal.AsBytes(frame.AsSpan()), 4), chunk[..length]);
        var back = new uint[frame.Length];
        Assert.Equal(frame.Length, BitshuffleLz4.DecompressElements<uint>(chunk.AsSpan(0, length), back));
        Assert.Equal(frame, back);
    }

    [Fact]
    public void Corrupt_chunks_are_refused_with_what_is_wrong()
    {
        var (raw, chunk, elementSize) = Load("u32_256x256_eiger_like");
        var output = new byte[raw.Length];

        var truncated = Assert.Throws<InvalidDataException>(() => BitshuffleLz4.Decompress(chunk.AsSpan(0, chunk.Length / 2), output, elementSize));
        Assert.Contains("block", truncated.Message, StringComparison.Ordinal);

        Assert.Throws<InvalidDataException>(() => BitshuffleLz4.Decompress(chunk.AsSpan(0, 5), output, elementSize));

        var tooSmall = Assert.Throws<InvalidDataException>(() => BitshuffleLz4.Decompress(chunk, new byte[100], elementSize));
        Assert.Contains("destination", tooSmall.Message, StringComparison.Ordinal);

        var badLength = (byte[])chunk.Clone();
        badLength[12] = 0x7F;
        Assert.Throws<InvalidDataException>(() => BitshuffleLz4.Decompress(badLength, output, elementSize));

        var badBlock = (byte[])chunk.Clone();
        badBlock[11] = 3;
        Assert.Throws<InvalidDataException>(() => BitshuffleLz4.Decompress(badBlock, output, elementSize));

        var garbage = (byte[])chunk.Clone();
        garbage.AsSpan(16, 64).Fill(0xFF);
        Assert.Throws<InvalidDataException>(() => BitshuffleLz4.Decompress(garbage, output, elementSize));
    }

    [Fact]
    public void Partial_elements_and_odd_block_sizes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BitshuffleLz4.Compress(new byte[7], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => BitshuffleLz4.Compress(new byte[64], 4, 12));
        var noise = new byte[4096];
        new Random(3).NextBytes(noise);
        Assert.Throws<ArgumentException>(() => BitshuffleLz4.Compress(noise, new byte[100], 4));
    }

    // bitshuffle's definition: bit k of byte j of element i is bit i of bit row 8j + k, least significant bit first.
    private static byte[] ReferenceShuffle(byte[] source, int count, int elementSize)
    {
        var output = new byte[source.Length];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < elementSize; j++)
            {
                for (var k = 0; k < 8; k++)
                {
                    if ((source[(i * elementSize) + j] >> k & 1) != 0)
                    {
                        var bit = ((8 * j) + k) * count + i;
                        output[bit / 8] |= (byte)(1 << (bit % 8));
                    }
                }
            }
        }

        return output;
    }

    private static IEnumerable<BitTransposeKernel> Kernels()
    {
        yield return BitTransposeKernel.Scalar;
        if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            yield return BitTransposeKernel.Vector128;
        }

        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            yield return BitTransposeKernel.Avx2;
        }
    }

    private static (byte[] Raw, byte[] Chunk, int ElementSize) Load(string name)
    {
        var c = Manifest().Single(m => m.Name == name);
        return (File.ReadAllBytes(Path.Combine(GoldenDirectory, name + ".raw")), File.ReadAllBytes(Path.Combine(GoldenDirectory, name + ".bslz4")), c.ElementSize);
    }

    private static GoldenCase[] Manifest() =>
        JsonSerializer.Deserialize<GoldenCase[]>(File.ReadAllText(Path.Combine(GoldenDirectory, "cases.json")), Web)!;
}
