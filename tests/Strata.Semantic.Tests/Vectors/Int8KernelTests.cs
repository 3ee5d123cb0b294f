using Strata.Semantic.Vectors;
using Xunit;

namespace Strata.Semantic.Tests.Vectors;

public sealed class Int8KernelTests
{
    private static readonly int[] Lengths = [1, 3, 7, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 100, 127, 383, 384, 385, 1000];

    /// <summary>Every kernel this CPU can run, with the scalar reference first.</summary>
    private static IEnumerable<(string Name, Func<byte[], QuantizedQuery, int> Dot)> Kernels()
    {
        yield return (ScalarKernel.Name, (row, query) => ScalarKernel.Dot(row, query));
        if (PortableKernel.IsSupported)
        {
            yield return (PortableKernel.Name, (row, query) => PortableKernel.Dot(row, query));
        }

        if (Avx2Kernel.IsSupported)
        {
            yield return (Avx2Kernel.Name, (row, query) => Avx2Kernel.Dot(row, query));
        }

        if (Avx512Kernel.IsSupported)
        {
            yield return (Avx512Kernel.Name, (row, query) => Avx512Kernel.Dot(row, query));
        }

        if (AvxVnniKernel.IsSupported)
        {
            yield return (AvxVnniKernel.Name, (row, query) => AvxVnniKernel.Dot(row, query));
        }
    }

    private static long Reference(byte[] row, sbyte[] query)
    {
        long sum = 0;
        for (var i = 0; i < row.Length; i++)
        {
            sum += row[i] * (long)query[i];
        }

        return sum;
    }

    [Fact]
    public void EveryKernel_EqualsTheScalarDotProductExactly_OnRandomDataOfOddLengths()
    {
        var random = new Random(5);
        var checkedKernels = new HashSet<string>();
        foreach (var length in Lengths)
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var row = new byte[length];
                random.NextBytes(row);
                var values = new sbyte[length];
                for (var i = 0; i < length; i++)
                {
                    values[i] = (sbyte)random.Next(-127, 128);
                }

                var query = new QuantizedQuery(values);
                var expected = Reference(row, values);
                foreach (var (name, dot) in Kernels())
                {
                    Assert.True(expected == dot(row, query), $"{name}, length {length}: {dot(row, query)} ≠ {expected}");
                    checkedKernels.Add(name);
                }
            }
        }

        Assert.Contains(ScalarKernel.Name, checkedKernels);
        Assert.Equal(Kernels().Count(), checkedKernels.Count);
    }

    [Theory]
    [InlineData(255, 127)]
    [InlineData(255, -127)]
    [InlineData(255, -128)]
    [InlineData(0, -128)]
    [InlineData(1, 1)]
    public void EveryKernel_IsExactAtTheExtremes(byte rowValue, sbyte queryValue)
    {
        foreach (var length in new[] { 4096, 4097 })
        {
            var row = Enumerable.Repeat(rowValue, length).ToArray();
            var values = Enumerable.Repeat(queryValue, length).ToArray();
            var query = new QuantizedQuery(values);
            foreach (var (name, dot) in Kernels())
            {
                Assert.True(Reference(row, values) == dot(row, query), $"{name}, length {length}");
            }
        }
    }

    [Fact]
    public void Scan_WithEveryKernel_KeepsTheSameRowsAndScores()
    {
        const int dimensions = 100;
        var random = new Random(8);
        var vectors = new float[500 * dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var quantized = Int8Vectors.From(vectors, dimensions);
        var owners = new int[500];
        var query = new QuantizedQuery(vectors.AsSpan(3 * dimensions, dimensions));
        VectorHit[] Run<TKernel>()
            where TKernel : struct, IInt8Kernel
        {
            var top = new TopK(20);
            quantized.Scan<TKernel>(query, 0, 500, top, owners, null);
            return top.ToArray();
        }

        var reference = Run<ScalarKernel>();
        Assert.Equal(3, reference[0].Row);
        if (PortableKernel.IsSupported)
        {
            Assert.Equal(reference, Run<PortableKernel>());
        }

        if (Avx2Kernel.IsSupported)
        {
            Assert.Equal(reference, Run<Avx2Kernel>());
        }

        if (Avx512Kernel.IsSupported)
        {
            Assert.Equal(reference, Run<Avx512Kernel>());
        }

        if (AvxVnniKernel.IsSupported)
        {
            Assert.Equal(reference, Run<AvxVnniKernel>());
        }
    }

    [Fact]
    public void Score_ApproximatesTheFloatDotProduct()
    {
        const int dimensions = 384;
        var random = new Random(9);
        var a = new float[dimensions];
        var b = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            a[i] = (float)((random.NextDouble() * 2) - 1);
            b[i] = (float)((random.NextDouble() * 2) - 1);
        }

        Strata.Semantic.Embeddings.Onnx.Pooling.Normalize(a);
        Strata.Semantic.Embeddings.Onnx.Pooling.Normalize(b);
        var rows = Int8Vectors.From([.. a, .. b], dimensions);
        var query = new QuantizedQuery(a);

        Assert.Equal(1f, rows.Score(query, 0), 2);
        Assert.Equal(System.Numerics.Tensors.TensorPrimitives.Dot(a, b), rows.Score(query, 1), 2);
    }
}
