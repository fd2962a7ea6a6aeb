namespace Hyperion.Nexus.Compression;

/// <summary>Which instructions the bit transpose uses; tests pin each one against the scalar reference.</summary>
internal enum BitTransposeKernel
{
    /// <summary>The fastest the processor supports.</summary>
    Best,

    /// <summary>Plain 64-bit arithmetic (bitshuffle's scalar code).</summary>
    Scalar,

    /// <summary>128-bit vectors (SSSE3 or Arm AdvSIMD).</summary>
    Vector128,

    /// <summary>256-bit AVX2.</summary>
    Avx2,
}
