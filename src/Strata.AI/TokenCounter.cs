using Microsoft.ML.Tokenizers;

namespace Strata.AI;

/// <summary>
/// Counts tokens with a real BPE tokenizer: tiktoken's <c>o200k_base</c> (GPT-4o's), whose vocabulary ships inside
/// the Microsoft.ML.Tokenizers.Data.O200kBase package, so no download is needed. For other models (Llama, Qwen via
/// Ollama) it is an estimate within a few percent for English; prompts keep a safety margin for that.
/// Thread-safe; the vocabulary loads once, on first use.
/// </summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string text, int maxTokens)
    {
        if (string.IsNullOrEmpty(text) || maxTokens <= 0)
        {
            return string.Empty;
        }

        var index = Tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return index >= text.Length ? text : text[..index];
    }
}
