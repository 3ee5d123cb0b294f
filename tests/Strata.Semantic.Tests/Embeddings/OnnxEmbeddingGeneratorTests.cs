using Strata.Semantic.Embeddings;
using Strata.Semantic.Embeddings.Onnx;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Semantic.Tests.Embeddings;

/// <summary>
/// Runs the tiny real ONNX graph from Models/make_tiny_model.py: token id i maps to the row
/// [i, 1, -i/2, 0.25·(i mod 3)], padding rows are zeroed by the attention mask.
/// </summary>
public sealed class OnnxEmbeddingGeneratorTests
{
    private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "Models", "tiny-bert");

    private static float[] Row(int id) => [id, 1, -id / 2f, 0.25f * (id % 3)];

    private static float[] ExpectedMean(params int[] ids)
    {
        var mean = new float[4];
        foreach (var id in ids)
        {
            var row = Row(id);
            for (var i = 0; i < 4; i++)
            {
                mean[i] += row[i] / ids.Length;
            }
        }

        var norm = MathF.Sqrt(mean.Sum(value => value * value));
        return mean.Select(value => value / norm).ToArray();
    }

    [Fact]
    public async Task Generate_PaddedBatch_MeanPoolsOverMaskAndNormalises()
    {
        using var generator = new OnnxEmbeddingGenerator(ModelPath);

        // [CLS]=2 hello=4 [SEP]=3; [CLS]=2 hello=4 world=5 strata=6 [SEP]=3 — the first is padded by two.
        var generated = await generator.GenerateAsync(["Hello", "hello world strata"]);

        AssertClose(ExpectedMean(2, 4, 3), generated[0].Vector.ToArray());
        AssertClose(ExpectedMean(2, 4, 5, 6, 3), generated[1].Vector.ToArray());
        Assert.Equal(1f, MathF.Sqrt(generated[1].Vector.ToArray().Sum(value => value * value)), 4);
        Assert.Equal(8, generated.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Generate_ClsPooling_TakesFirstToken()
    {
        using var generator = new OnnxEmbeddingGenerator(ModelPath, pooling: "cls");

        var generated = await generator.GenerateAsync(["search"]);

        var cls = Row(2);
        var norm = MathF.Sqrt(cls.Sum(value => value * value));
        AssertClose(cls.Select(value => value / norm).ToArray(), generated[0].Vector.ToArray());
    }

    [Fact]
    public void Open_MissingFolder_SaysHowToConfigureAndNeverDownloads()
    {
        using var temp = new TempDirectory("strata-onnx");

        var error = Assert.Throws<EmbeddingException>(() => new OnnxEmbeddingGenerator(temp.Combine("no-such-model")));

        Assert.Contains("Embedding.ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("never downloads", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Pool_MeanIgnoresMaskedTokens()
    {
        float[] tokens = [1, 0, 3, 0, 100, 100];

        var pooled = Pooling.Pool(tokens, [1, 1, 0], 2, cls: false);

        AssertClose([1, 0], pooled);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(MathF.Abs(expected[i] - actual[i]) < 1e-5f, $"component {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
