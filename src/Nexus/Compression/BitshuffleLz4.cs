using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using K4os.Compression.LZ4;

namespace Hyperion.Nexus.Compression;

/// <summary>
/// Bitshuffle-LZ4, byte-compatible with the bitshuffle library's HDF5 filter (id 32008) as Eiger and Odin write it.
/// A chunk is a 12-byte header (the uncompressed byte count as a big-endian uint64, the block size in bytes as a
/// big-endian uint32), then per block of <see cref="DefaultBlockSize"/> elements a big-endian uint32 compressed
/// length and the LZ4 block of the bit-transposed elements. A last short block takes the remaining elements rounded
/// down to a multiple of 8; the final <c>count % 8</c> elements are copied verbatim after it.
/// </summary>
/// <remarks>Thread-safe: every call works in its own buffers.</remarks>
public static class BitshuffleLz4
{
    /// <summary>The HDF5 filter id registered for bitshuffle.</summary>
    public const int FilterId = 32008;

    /// <summary>The bytes of the chunk header.</summary>
    public const int HeaderSize = 12;

    /// <summary>The filter's compression option for LZ4 (cd_values[4]).</summary>
    public const uint Lz4Option = 2;

    /// <summary>The filter name libhdf5 reports (the real plugin's).</summary>
    public const string FilterName = "bitshuffle; see https://github.com/kiyo-masui/bitshuffle";

    // bitshuffle's BSHUF_TARGET_BLOCK_SIZE_B, BSHUF_BLOCKED_MULT and BSHUF_MIN_RECOMMEND_BLOCK: the default block size
    // must never change, or old data would not decode.
    private const int TargetBlockBytes = 8192;
    private const int BlockMultiple = 8;
    private const int MinimumBlock = 128;

    // Blocks up to this many bytes get their scratch space on the stack.
    private const int StackScratchBytes = 16 * 1024;

    /// <summary>
    /// The cd_values the bitshuffle plugin (0.3.5, Debian's) stores in a dataset's filter pipeline after its
    /// set_local: version major and minor, the element size, the block size (0: default) and LZ4.
    /// </summary>
    public static uint[] FilterParameters(int elementSize) => [0, 3, (uint)elementSize, 0, Lz4Option];

    /// <summary>bitshuffle's default block size in elements: 8 KiB of elements, a multiple of 8, at least 128.</summary>
    public static int DefaultBlockSize(int elementSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementSize);
        var block = TargetBlockBytes / elementSize / BlockMultiple * BlockMultiple;
        return Math.Max(block, MinimumBlock);
    }

    /// <summary>The largest chunk <see cref="Compress(ReadOnlySpan{byte}, Span{byte}, int, int)"/> can produce.</summary>
    public static int MaxCompressedSize(int byteCount, int elementSize, int blockSize = 0)
    {
        var (count, block) = Validate(byteCount, elementSize, blockSize);
        long bound = HeaderSize;
        bound += (long)(count / block) * (LZ4Codec.MaximumOutputSize(block * elementSize) + 4);
        var last = count % block;
        if (last > 0)
        {
            bound += LZ4Codec.MaximumOutputSize(last * elementSize) + 4;
        }

        bound += count % BlockMultiple * elementSize;
        return bound > Array.MaxLength ? throw new ArgumentOutOfRangeException(nameof(byteCount), byteCount, "The chunk is too large to compress in one buffer.") : (int)bound;
    }

    /// <summary>
    /// Compresses <paramref name="source"/> (whole elements of <paramref name="elementSize"/> bytes) into
    /// <paramref name="destination"/>, which must hold <see cref="MaxCompressedSize"/> bytes; returns the bytes written.
    /// </summary>
    /// <param name="source">The elements, in native (little-endian) order.</param>
    /// <param name="destination">Where the chunk goes.</param>
    /// <param name="elementSize">Bytes per element: 1, 2, 4 or 8.</param>
    /// <param name="blockSize">Elements per block, a multiple of 8; 0 for <see cref="DefaultBlockSize"/>.</param>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int elementSize, int blockSize = 0) =>
        Compress(source, destination, elementSize, blockSize, BitTransposeKernel.Best);

    /// <summary>Compresses <paramref name="source"/> into a new array.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> source, int elementSize, int blockSize = 0)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxCompressedSize(source.Length, elementSize, blockSize));
        try
        {
            var length = Compress(source, buffer, elementSize, blockSize);
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Compresses typed elements (<c>ushort</c>, <c>uint</c>, ...), their size taken from the type.</summary>
    public static int CompressElements<T>(ReadOnlySpan<T> source, Span<byte> destination, int blockSize = 0)
        where T : unmanaged =>
        Compress(MemoryMarshal.AsBytes(source), destination, Marshal.SizeOf<T>(), blockSize);

    /// <summary>The uncompressed byte count a chunk's header records.</summary>
    /// <exception cref="InvalidDataException">The chunk is shorter than its header.</exception>
    public static long ReadUncompressedSize(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < HeaderSize)
        {
            throw new InvalidDataException($"A bitshuffle-LZ4 chunk of {chunk.Length} bytes is shorter than its {HeaderSize}-byte header.");
        }

        var size = BinaryPrimitives.ReadUInt64BigEndian(chunk);
        return size > long.MaxValue ? throw new InvalidDataException($"The chunk header's size {size} is impossible.") : (long)size;
    }

    /// <summary>
    /// Decompresses a chunk into <paramref name="destination"/>; returns the bytes written (the header's count).
    /// </summary>
    /// <exception cref="InvalidDataException">The chunk is corrupt, truncated or does not fit.</exception>
    public static int Decompress(ReadOnlySpan<byte> chunk, Span<byte> destination, int elementSize) =>
        Decompress(chunk, destination, elementSize, BitTransposeKernel.Best);

    /// <summary>Decompresses a chunk into a new array.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> chunk, int elementSize)
    {
        var size = ReadUncompressedSize(chunk);
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"The chunk claims {size} bytes, more than one array holds.");
        }

        var result = new byte[size];
        Decompress(chunk, result, elementSize);
        return result;
    }

    /// <summary>Decompresses a chunk into typed elements, their size taken from the type; returns the elements written.</summary>
    public static int DecompressElements<T>(ReadOnlySpan<byte> chunk, Span<T> destination)
        where T : unmanaged =>
        Decompress(chunk, MemoryMarshal.AsBytes(destination), Marshal.SizeOf<T>()) / Marshal.SizeOf<T>();

    internal static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int elementSize, int blockSize, BitTransposeKernel kernel)
    {
        var (count, block) = Validate(source.Length, elementSize, blockSize);
        var blockBytes = block * elementSize;
        if (destination.Length < HeaderSize)
        {
            throw new ArgumentException("The destination is too small for the chunk header.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, (ulong)source.Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], (uint)blockBytes);
        var written = HeaderSize;

        byte[]? rented = null;
        var scratch = 2 * blockBytes <= StackScratchBytes ? stackalloc byte[2 * blockBytes] : (rented = ArrayPool<byte>.Shared.Rent(2 * blockBytes));
        try
        {
            var shuffled = scratch[..blockBytes];
            var temporary = scratch.Slice(blockBytes, blockBytes);
            var done = 0;
            while (count - done >= BlockMultiple)
            {
                var n = Math.Min(block, (count - done) / BlockMultiple * BlockMultiple);
                var bytes = n * elementSize;
                BitTranspose.Shuffle(source.Slice(done * elementSize, bytes), shuffled, temporary, n, elementSize, kernel);
                var target = destination[(written + 4)..];
                var compressed = LZ4Codec.Encode(shuffled[..bytes], target, LZ4Level.L00_FAST);
                if (compressed <= 0)
                {
                    throw new ArgumentException($"The destination ({destination.Length} bytes) is smaller than MaxCompressedSize.", nameof(destination));
                }

                BinaryPrimitives.WriteUInt32BigEndian(destination[written..], (uint)compressed);
                written += 4 + compressed;
                done += n;
            }

            var leftover = source[(done * elementSize)..];
            if (!leftover.TryCopyTo(destination[written..]))
            {
                throw new ArgumentException($"The destination ({destination.Length} bytes) is smaller than MaxCompressedSize.", nameof(destination));
            }

            return written + leftover.Length;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    internal static int Decompress(ReadOnlySpan<byte> chunk, Span<byte> destination, int elementSize, BitTransposeKernel kernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementSize);
        var size = ReadUncompressedSize(chunk);
        var blockBytes = (int)BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]);
        if (size > destination.Length)
        {
            throw new InvalidDataException($"The chunk holds {size} bytes; the destination only {destination.Length}.");
        }

        if (size % elementSize != 0 || blockBytes <= 0 || blockBytes % elementSize != 0 || blockBytes / elementSize % BlockMultiple != 0)
        {
            throw new InvalidDataException($"The chunk header (size {size}, block {blockBytes} bytes) does not fit {elementSize}-byte elements.");
        }

        var count = (int)(size / elementSize);
        var block = blockBytes / elementSize;
        var position = HeaderSize;

        // The header's block size is not to be trusted with an allocation: no block is longer than the chunk.
        var scratchBytes = (int)Math.Min(blockBytes, size);
        byte[]? rented = null;
        var scratch = 2 * scratchBytes <= StackScratchBytes ? stackalloc byte[2 * scratchBytes] : (rented = ArrayPool<byte>.Shared.Rent(2 * scratchBytes));
        try
        {
            var unpacked = scratch[..scratchBytes];
            var temporary = scratch.Slice(scratchBytes, scratchBytes);
            var done = 0;
            while (count - done >= BlockMultiple)
            {
                var n = Math.Min(block, (count - done) / BlockMultiple * BlockMultiple);
                var bytes = n * elementSize;
                if (chunk.Length - position < 4)
                {
                    throw new InvalidDataException($"The chunk ends at byte {chunk.Length} before the block at element {done}.");
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(chunk[position..]);
                position += 4;
                if (length > (uint)(chunk.Length - position))
                {
                    throw new InvalidDataException($"The block at element {done} claims {length} bytes; only {chunk.Length - position} remain.");
                }

                var decoded = LZ4Codec.Decode(chunk.Slice(position, (int)length), unpacked[..bytes]);
                if (decoded != bytes)
                {
                    throw new InvalidDataException($"The LZ4 block at element {done} (byte {position - 4}) decodes to {decoded} bytes, not {bytes}.");
                }

                BitTranspose.Unshuffle(unpacked, destination.Slice(done * elementSize, bytes), temporary, n, elementSize, kernel);
                position += (int)length;
                done += n;
            }

            var leftover = (count - done) * elementSize;
            if (chunk.Length - position < leftover)
            {
                throw new InvalidDataException($"The chunk ends before its {leftover} trailing uncompressed bytes.");
            }

            chunk.Slice(position, leftover).CopyTo(destination[(done * elementSize)..]);
            return (int)size;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static (int Count, int Block) Validate(int byteCount, int elementSize, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementSize);
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        ArgumentOutOfRangeException.ThrowIfNegative(blockSize);
        if (byteCount % elementSize != 0)
        {
            throw new ArgumentException($"{byteCount} bytes are not a whole number of {elementSize}-byte elements.", nameof(byteCount));
        }

        if (blockSize % BlockMultiple != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "The block size must be a multiple of 8 elements.");
        }

        return (byteCount / elementSize, blockSize == 0 ? DefaultBlockSize(elementSize) : blockSize);
    }
}
