using System.Collections.Concurrent;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace Strata.Semantic.Chunking;

/// <summary>
/// Token counts of pre-tokenizer pieces (words with their leading space, punctuation), each asked of the tokenizer
/// once. Bounded: when full it starts over, which costs a few re-counts and keeps memory flat.
/// Thread-safe and lock-free for readers.
/// </summary>
internal sealed class PieceCounts(Tokenizer tokenizer)
{
    /// <summary>Enough for the working vocabulary of a large base; about 20 MB when full.</summary>
    private const int Capacity = 200_000;

    private readonly PreTokenizer _preTokenizer = tokenizer.PreTokenizer ?? throw new InvalidOperationException("the o200k tokenizer has no pre-tokenizer");
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Count(ReadOnlySpan<char> text)
    {
        var total = 0;
        foreach (var (offset, length) in _preTokenizer.PreTokenize(text))
        {
            total += Of(text.Slice(offset, length));
        }

        return total;
    }

    /// <summary>The index after the first <paramref name="tokens"/> tokens, as the tokenizer's <c>GetIndexByTokenCount</c> finds it.</summary>
    public int IndexAfter(ReadOnlySpan<char> text, int tokens)
    {
        var total = 0;
        foreach (var (offset, length) in _preTokenizer.PreTokenize(text))
        {
            var piece = text.Slice(offset, length);
            var count = Of(piece);
            if (total + count > tokens)
            {
                // The piece does not fit whole: the tokenizer finds where inside it the budget ends.
                return offset + tokenizer.GetIndexByTokenCount(piece, tokens - total, out _, out _, considerPreTokenization: false, considerNormalization: false);
            }

            total += count;
            if (total >= tokens)
            {
                return offset + length;
            }
        }

        return text.Length;
    }

    /// <summary>The index where the last <paramref name="tokens"/> tokens start, walking pieces from the end.</summary>
    public int IndexOfLast(ReadOnlySpan<char> text, int tokens)
    {
        var pieces = _preTokenizer.PreTokenize(text).ToArray();
        var total = 0;
        for (var i = pieces.Length - 1; i >= 0; i--)
        {
            var (offset, length) = pieces[i];
            var piece = text.Slice(offset, length);
            var count = Of(piece);
            if (total + count > tokens)
            {
                return offset + tokenizer.GetIndexByTokenCountFromEnd(piece, tokens - total, out _, out _, considerPreTokenization: false, considerNormalization: false);
            }

            total += count;
            if (total >= tokens)
            {
                return offset;
            }
        }

        return 0;
    }

    private int Of(ReadOnlySpan<char> piece)
    {
        if (!Ascii.IsValid(piece))
        {
            // CJK runs and accented words rarely repeat across documents; the tokenizer's own cache (pieces up to
            // 15 characters) serves the repeats within one document, and keeping them here would only churn memory.
            return tokenizer.CountTokens(piece, considerPreTokenization: false, considerNormalization: false);
        }

        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(piece, out var count))
        {
            // Pre-tokenization is already done: the piece is byte-pair-encoded as it stands.
            count = tokenizer.CountTokens(piece, considerPreTokenization: false, considerNormalization: false);
            if (_counts.Count >= Capacity)
            {
                _counts.Clear();
            }

            lookup.TryAdd(piece, count);
        }

        return count;
    }
}
