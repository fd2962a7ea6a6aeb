namespace Hyperion.Nexus.Tests;

/// <summary>Deterministic frames: a sparse low background with a few bright pixels, different for every seed.</summary>
public static class TestFrames
{
    public static uint[] UInt32(int width, int height, int seed)
    {
        var random = new Random(seed);
        var frame = new uint[width * height];
        for (var i = 0; i < frame.Length; i++)
        {
            var u = random.NextDouble();
            frame[i] = u < 0.8 ? 0u : u < 0.97 ? 1u : (uint)random.Next(2, 70000);
        }

        frame[0] = (uint)seed;
        frame[^1] = uint.MaxValue;
        return frame;
    }

    public static ushort[] UInt16(int width, int height, int seed) => Array.ConvertAll(UInt32(width, height, seed), v => (ushort)v);
}
