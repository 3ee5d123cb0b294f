namespace Strata.Semantic.Embeddings;

/// <summary>An embedding request failed; <see cref="IsTransient"/> says whether trying again may help (timeouts, 5xx, 429).</summary>
public sealed class EmbeddingException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
