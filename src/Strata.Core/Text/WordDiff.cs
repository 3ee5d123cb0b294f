using System.Globalization;
using System.Text;

namespace Strata.Core.Text;

/// <summary>
/// Word-level diff of two short texts (changed lines or paragraphs). Tokens are words (letters and digits), single
/// CJK characters, single punctuation marks and whitespace runs; changes separated only by whitespace are joined so
/// "the quick fox" → "a slow fox" reads <c>[-the quick-]{+a slow+} fox</c>.
/// </summary>
public static class WordDiff
{
    private const int MaxEditDistance = 1000;

    /// <summary>Segments in order; deletions come before the insertions that replace them.</summary>
    public static IReadOnlyList<WordDiffSegment> Compute(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);

        var oldTokens = Tokenize(oldText);
        var newTokens = Tokenize(newText);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = SequenceDiff.Compute(Map(oldTokens, ids), Map(newTokens, ids), MaxEditDistance, out _);
        regions = JoinAcrossWhitespace(regions, oldTokens);

        var segments = new List<WordDiffSegment>();
        var oldIndex = 0;
        foreach (var region in regions)
        {
            Add(segments, DiffOperation.Equal, oldTokens, oldIndex, region.OldStart);
            Add(segments, DiffOperation.Delete, oldTokens, region.OldStart, region.OldEnd);
            Add(segments, DiffOperation.Insert, newTokens, region.NewStart, region.NewEnd);
            oldIndex = region.OldEnd;
        }

        Add(segments, DiffOperation.Equal, oldTokens, oldIndex, oldTokens.Count);
        return segments;
    }

    /// <summary>Renders segments as text with <c>[-removed-]</c> and <c>{+added+}</c> marks.</summary>
    public static string Render(IEnumerable<WordDiffSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var output = new StringBuilder();
        foreach (var segment in segments)
        {
            _ = segment.Operation switch
            {
                DiffOperation.Delete => output.Append("[-").Append(segment.Text).Append("-]"),
                DiffOperation.Insert => output.Append("{+").Append(segment.Text).Append("+}"),
                _ => output.Append(segment.Text),
            };
        }

        return output.ToString();
    }

    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var kind = Kind(text[i]);
            i++;
            if (kind != TokenKind.Single)
            {
                while (i < text.Length && Kind(text[i]) == kind)
                {
                    i++;
                }
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private static TokenKind Kind(char c) => c switch
    {
        _ when char.IsWhiteSpace(c) => TokenKind.Space,
        _ when char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter => TokenKind.Single,
        _ when char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c is '_' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => TokenKind.Word,
        _ => TokenKind.Single,
    };

    private static int[] Map(List<string> tokens, Dictionary<string, int> ids)
    {
        var result = new int[tokens.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!ids.TryGetValue(tokens[i], out var id))
            {
                id = ids.Count;
                ids[tokens[i]] = id;
            }

            result[i] = id;
        }

        return result;
    }

    private static List<DiffRegion> JoinAcrossWhitespace(List<DiffRegion> regions, List<string> oldTokens)
    {
        var joined = new List<DiffRegion>();
        foreach (var region in regions)
        {
            if (joined.Count > 0 && OnlySpaces(oldTokens, joined[^1].OldEnd, region.OldStart))
            {
                var previous = joined[^1];
                joined[^1] = new DiffRegion(previous.OldStart, region.OldEnd - previous.OldStart, previous.NewStart, region.NewEnd - previous.NewStart);
            }
            else
            {
                joined.Add(region);
            }
        }

        return joined;
    }

    private static bool OnlySpaces(List<string> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!string.IsNullOrWhiteSpace(tokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(List<WordDiffSegment> segments, DiffOperation operation, List<string> tokens, int from, int to)
    {
        if (to > from)
        {
            segments.Add(new WordDiffSegment(operation, string.Concat(tokens.GetRange(from, to - from))));
        }
    }

    private enum TokenKind
    {
        Word,
        Space,
        Single,
    }
}
