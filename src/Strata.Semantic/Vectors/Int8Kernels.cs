using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Strata.Semantic.Vectors;

/// <summary>
/// Integer dot products of a stored row (unsigned bytes: the int8 value + 128) with a quantized query (signed),
/// exact in int32 for any length up to millions. Every kernel computes Σ row[i]·query[i]; the scan picks the
/// widest one the CPU runs and the JIT inlines it into the loop (a type argument, not a delegate).
/// </summary>
internal interface IInt8Kernel
{
    static abstract bool IsSupported { get; }

    static abstract string Name { get; }

    static abstract int Dot(ReadOnlySpan<byte> row, QuantizedQuery query);
}

/// <summary>AVX-VNNI (vpdpbusd): unsigned × signed bytes summed by fours straight into int32, 32 bytes per instruction.</summary>
internal readonly struct AvxVnniKernel : IInt8Kernel
{
    public static bool IsSupported => AvxVnni.IsSupported;

    public static string Name => "AVX-VNNI (vpdpbusd, 32 bytes per step)";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<byte> row, QuantizedQuery query)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var q = ref MemoryMarshal.GetArrayDataReference(query.Values);
        var sum = Vector256<int>.Zero;
        var i = 0;
        for (; i <= row.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
        {
            sum = AvxVnni.MultiplyWideningAndAdd(sum, Vector256.LoadUnsafe(ref r, (nuint)i), Vector256.LoadUnsafe(ref q, (nuint)i));
        }

        return Vector256.Sum(sum) + Int8Kernels.ScalarTail(row, query.Values, i);
    }
}

/// <summary>AVX-512BW: 32 row bytes zero-extended to 16 bits, vpmaddwd against the pre-widened query → 16 int32 sums.</summary>
internal readonly struct Avx512Kernel : IInt8Kernel
{
    public static bool IsSupported => Avx512BW.IsSupported;

    public static string Name => "AVX-512BW (vpmovzxbw + vpmaddwd, 32 bytes per step)";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<byte> row, QuantizedQuery query)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var q = ref MemoryMarshal.GetArrayDataReference(query.Wide);
        var sum = Vector512<int>.Zero;
        var i = 0;
        for (; i <= row.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
        {
            var wide = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i));
            sum = Avx512F.Add(sum, Avx512BW.MultiplyAddAdjacent(wide, Vector512.LoadUnsafe(ref q, (nuint)i)));
        }

        return Vector512.Sum(sum) + Int8Kernels.ScalarTail(row, query.Values, i);
    }
}

/// <summary>AVX2: 16 row bytes zero-extended to 16 bits, vpmaddwd against the pre-widened query → 8 int32 sums.</summary>
internal readonly struct Avx2Kernel : IInt8Kernel
{
    public static bool IsSupported => Avx2.IsSupported;

    public static string Name => "AVX2 (vpmovzxbw + vpmaddwd, 16 bytes per step)";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<byte> row, QuantizedQuery query)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var q = ref MemoryMarshal.GetArrayDataReference(query.Wide);
        var sum = Vector256<int>.Zero;
        var i = 0;
        for (; i <= row.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
            sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref q, (nuint)i)));
        }

        return Vector256.Sum(sum) + Int8Kernels.ScalarTail(row, query.Values, i);
    }
}

/// <summary>Any CPU with SIMD (System.Numerics.Vector): bytes widened to 16 bits (a product ≤ 255·128 fits), then to 32 to sum.</summary>
internal readonly struct PortableKernel : IInt8Kernel
{
    public static bool IsSupported => Vector.IsHardwareAccelerated;

    public static string Name => $"portable Vector<T> ({Vector<byte>.Count} bytes per step)";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<byte> row, QuantizedQuery query)
    {
        var wideQuery = query.Wide.AsSpan();
        var sum = Vector<int>.Zero;
        var i = 0;
        for (; i <= row.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            Vector.Widen(new Vector<byte>(row[i..]), out var low, out var high);
            var productLow = Vector.AsVectorInt16(low) * new Vector<short>(wideQuery[i..]);
            var productHigh = Vector.AsVectorInt16(high) * new Vector<short>(wideQuery[(i + Vector<short>.Count)..]);
            Vector.Widen(productLow, out var a, out var b);
            Vector.Widen(productHigh, out var c, out var d);
            sum += a + b + c + d;
        }

        return Vector.Sum(sum) + Int8Kernels.ScalarTail(row, query.Values, i);
    }
}

/// <summary>One multiply-add at a time: the reference the others are tested against, and the last resort.</summary>
internal readonly struct ScalarKernel : IInt8Kernel
{
    public static bool IsSupported => true;

    public static string Name => "scalar";

    public static int Dot(ReadOnlySpan<byte> row, QuantizedQuery query) => Int8Kernels.ScalarTail(row, query.Values, 0);
}

internal static class Int8Kernels
{
    /// <summary>The kernel the scan uses on this CPU.</summary>
    public static string Active =>
        AvxVnniKernel.IsSupported ? AvxVnniKernel.Name
        : Avx512Kernel.IsSupported ? Avx512Kernel.Name
        : Avx2Kernel.IsSupported ? Avx2Kernel.Name
        : PortableKernel.IsSupported ? PortableKernel.Name
        : ScalarKernel.Name;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ScalarTail(ReadOnlySpan<byte> row, ReadOnlySpan<sbyte> query, int from)
    {
        var sum = 0;
        for (var i = from; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }
}
