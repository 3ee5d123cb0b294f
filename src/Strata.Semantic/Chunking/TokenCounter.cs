using Microsoft.ML.Tokenizers;

namespace Strata.Semantic.Chunking;

/// <summary>
/// Counts tokens with a real tokenizer (OpenAI's o200k BPE from Microsoft.ML.Tokenizers, shipped with the
/// package, no download): a model-independent measure of passage size. Thread-safe; created once per process.
/// </summary>
/// <remarks>
/// The tokenizer's count of a text is the sum of its counts of the pieces its pre-tokenizer splits the text into
/// (BPE never merges across pieces), so <see cref="Count(ReadOnlySpan{char})"/> splits with that same pre-tokenizer
/// and asks the tokenizer for each piece once, remembering the answer. The result is identical; the saving is that
/// the tokenizer's own cache skips pieces over 15 characters and holds 8,192 entries, so long words and CJK runs
/// were byte-pair-merged again every time a paragraph and then its passage were counted.
/// </remarks>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Shared = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<PieceCounts> Pieces = new(() => new PieceCounts(Shared.Value));

    public static Tokenizer Tokenizer => Shared.Value;

    public static int Count(string text) => Count(text.AsSpan());

    /// <summary>The exact o200k token count of <paramref name="text"/> (what <see cref="Tokenizer.CountTokens(string, bool, bool)"/> returns).</summary>
    public static int Count(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : Pieces.Value.Count(text);

    /// <summary>The character index after the first <paramref name="tokens"/> tokens of <paramref name="text"/>.</summary>
    public static int IndexAfter(ReadOnlySpan<char> text, int tokens) => text.IsEmpty ? 0 : Pieces.Value.IndexAfter(text, tokens);

    /// <summary>The character index where the last <paramref name="tokens"/> tokens of <paramref name="text"/> start.</summary>
    public static int IndexOfLast(ReadOnlySpan<char> text, int tokens) => text.IsEmpty ? 0 : Pieces.Value.IndexOfLast(text, tokens);
}
