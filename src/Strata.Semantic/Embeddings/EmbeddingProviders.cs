namespace Strata.Semantic.Embeddings;

/// <summary>The values of <see cref="EmbeddingOptions.Provider"/>.</summary>
public static class EmbeddingProviders
{
    public const string None = "none";
    public const string OpenAi = "openai";
    public const string Ollama = "ollama";
    public const string Onnx = "onnx";

    public const string DefaultOpenAiEndpoint = "https://api.openai.com/v1";
    public const string DefaultOllamaEndpoint = "http://localhost:11434";
}
