using Strata.Semantic.Embeddings;
using Strata.Testing.Embeddings;
using Xunit;

namespace Strata.Semantic.Tests.Embeddings;

public sealed class HttpEmbeddingGeneratorTests
{
    [Fact]
    public async Task OpenAi_Batch_ReturnsServerVectorsInOrderWithUsageAndKey()
    {
        await using var server = await FakeEmbeddingServer.StartAsync(dimensions: 16);
        using var generator = new OpenAiEmbeddingGenerator(new HttpClient(), server.BaseUrl + "v1", "fake-embed", "secret-key", dimensions: 16);

        var generated = await generator.GenerateAsync(["hello world", "search engines"]);

        Assert.Equal(2, generated.Count);
        Assert.Equal(FakeEmbeddingServer.VectorFor("hello world", 16), generated[0].Vector.ToArray());
        Assert.Equal(FakeEmbeddingServer.VectorFor("search engines", 16), generated[1].Vector.ToArray());
        Assert.Equal(4, generated.Usage?.InputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Route);
        Assert.Equal("fake-embed", request.Model);
        Assert.Equal("Bearer secret-key", request.Authorization);
        Assert.Equal(16, request.Dimensions);
    }

    [Fact]
    public async Task Ollama_Batch_ReturnsServerVectorsWithUsage()
    {
        await using var server = await FakeEmbeddingServer.StartAsync(dimensions: 8);
        using var generator = new OllamaEmbeddingGenerator(new HttpClient(), server.BaseUrl.ToString(), "nomic-embed-text", dimensions: null);

        var generated = await generator.GenerateAsync(["one two three", "four"]);

        Assert.Equal(FakeEmbeddingServer.VectorFor("one two three", 8), generated[0].Vector.ToArray());
        Assert.Equal(FakeEmbeddingServer.VectorFor("four", 8), generated[1].Vector.ToArray());
        Assert.Equal(4, generated.Usage?.InputTokenCount);
        Assert.Equal("/api/embed", Assert.Single(server.Requests).Route);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    public async Task OpenAi_ErrorStatus_IsClassifiedTransientOrNot(int status, bool transient)
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        server.FailNext(1, status);
        using var generator = new OpenAiEmbeddingGenerator(new HttpClient(), server.BaseUrl + "v1", "m", null, null);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["x"]));

        Assert.Equal(transient, error.IsTransient);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAi_NothingListening_IsTransient()
    {
        using var generator = new OpenAiEmbeddingGenerator(new HttpClient(), $"http://127.0.0.1:{Strata.Testing.Http.LoopbackPorts.GetClosedPort()}/v1", "m", null, null);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["x"]));

        Assert.True(error.IsTransient);
        Assert.Contains("cannot reach", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddingModel_E5Name_GetsQueryAndPassagePrefixes()
    {
        using var model = EmbeddingModel.Create(new EmbeddingOptions { Provider = "openai", Model = "multilingual-e5-small", Endpoint = "http://127.0.0.1:9/v1" });

        Assert.NotNull(model);
        Assert.Equal("openai:multilingual-e5-small", model.Key);
        Assert.Equal("query: ", model.QueryPrefix);
        Assert.Equal("passage: ", model.PassagePrefix);
    }

    [Fact]
    public void EmbeddingModel_NoProvider_IsNull()
    {
        Assert.Null(EmbeddingModel.Create(new EmbeddingOptions()));
    }
}
