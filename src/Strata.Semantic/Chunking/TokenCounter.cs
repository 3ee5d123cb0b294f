using Microsoft.ML.Tokenizers;

namespace Strata.Semantic.Chunking;

/// <summary>
/// Counts tokens with a real tokenizer (OpenAI's o200k BPE from Microsoft.ML.Tokenizers, shipped with the
/// package, no download): a model-independent measure of passage size. Thread-safe; created once per process.
/// </summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Shared = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static Tokenizer Tokenizer => Shared.Value;

    public static int Count(string text) => text.Length == 0 ? 0 : Tokenizer.CountTokens(text);

    /// <summary>The character index after the first <paramref name="tokens"/> tokens of <paramref name="text"/>.</summary>
    public static int IndexAfter(string text, int tokens) =>
        Tokenizer.GetIndexByTokenCount(text, tokens, out _, out _, considerNormalization: false);

    /// <summary>The character index where the last <paramref name="tokens"/> tokens of <paramref name="text"/> start.</summary>
    public static int IndexOfLast(string text, int tokens) =>
        Tokenizer.GetIndexByTokenCountFromEnd(text, tokens, out _, out _, considerNormalization: false);
}
