using System.Text.Json.Serialization;

namespace Strata.Semantic.Embeddings;

internal sealed record OpenAiEmbeddingRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
    [property: JsonPropertyName("encoding_format")] string EncodingFormat,
    [property: JsonPropertyName("dimensions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Dimensions);

internal sealed record OpenAiEmbeddingResponse(
    [property: JsonPropertyName("data")] IReadOnlyList<OpenAiEmbeddingData>? Data,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("usage")] OpenAiUsage? Usage);

internal sealed record OpenAiEmbeddingData(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("embedding")] float[]? Embedding);

internal sealed record OpenAiUsage(
    [property: JsonPropertyName("prompt_tokens")] long? PromptTokens,
    [property: JsonPropertyName("total_tokens")] long? TotalTokens);

internal sealed record OllamaEmbedRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
    [property: JsonPropertyName("dimensions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Dimensions);

internal sealed record OllamaEmbedResponse(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("embeddings")] IReadOnlyList<float[]>? Embeddings,
    [property: JsonPropertyName("prompt_eval_count")] long? PromptEvalCount);

[JsonSerializable(typeof(OpenAiEmbeddingRequest))]
[JsonSerializable(typeof(OpenAiEmbeddingResponse))]
[JsonSerializable(typeof(OllamaEmbedRequest))]
[JsonSerializable(typeof(OllamaEmbedResponse))]
internal sealed partial class EmbeddingJson : JsonSerializerContext;
