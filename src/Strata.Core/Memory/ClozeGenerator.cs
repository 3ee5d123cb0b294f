using System.Globalization;
using Strata.Core.Enrich;

namespace Strata.Core.Memory;

/// <summary>
/// Cloze cards without a model: an item's key sentences (the extractive summarizer's LexRank + MMR choice, best
/// first) each lose their most salient keyword. Sentences with no keyword in them, or that are too short or too long
/// to read as a card, are skipped. Pure.
/// </summary>
public static class ClozeGenerator
{
    private const int MinSentenceChars = 40;
    private const int MaxSentenceChars = 400;
    private const int MinPreferredLength = 6;

    /// <summary>Up to <paramref name="max"/> cloze drafts from <paramref name="text"/> (an item's extracted Markdown).</summary>
    /// <param name="itemId">The source item.</param>
    /// <param name="text">The item's text; spans refer to it.</param>
    /// <param name="keywords">The item's keywords, most salient first.</param>
    /// <param name="max">Most cards.</param>
    public static IReadOnlyList<CardDraft> Generate(string itemId, string text, IReadOnlyList<string> keywords, int max)
    {
        if (max <= 0 || string.IsNullOrWhiteSpace(text) || keywords.Count == 0)
        {
            return [];
        }

        // Rank more sentences than needed: some have no keyword to blank.
        var summary = ExtractiveSummarizer.Summarize(text, new SummaryBudget(int.MaxValue / 2, max * 3));
        var byRank = summary.KeyPoints
            .Select(point => summary.Sentences.FirstOrDefault(span => MarkdownInline.ToPlain(span.Of(text)) == point))
            .Where(span => span.Length > 0);
        var drafts = new List<CardDraft>();
        foreach (var span in byRank)
        {
            var sentence = MarkdownInline.ToPlain(span.Of(text)).Trim();
            var (at, length) = FindTerm(sentence, keywords);
            if (sentence.Length is < MinSentenceChars or > MaxSentenceChars || length == 0)
            {
                continue;
            }

            drafts.Add(new CardDraft(CardKind.Cloze, CardOrigin.Cloze, ClozeText.Make(sentence, at, length), sentence, itemId, span.Of(text), span.Start, span.End));
            if (drafts.Count == max)
            {
                break;
            }
        }

        return drafts;
    }

    /// <summary>Where the first keyword that occurs as a whole word in <paramref name="sentence"/> is; (0, 0) when none does.</summary>
    public static (int At, int Length) FindTerm(string sentence, IReadOnlyList<string> keywords)
    {
        // Phrases and longer words name a concept more often than short single words (often verbs) do.
        var preferred = keywords.Where(keyword => keyword.Contains(' ', StringComparison.Ordinal) || keyword.Length >= MinPreferredLength)
            .Concat(keywords.Where(keyword => !keyword.Contains(' ', StringComparison.Ordinal) && keyword.Length < MinPreferredLength));
        foreach (var keyword in preferred)
        {
            var at = 0;
            while ((at = sentence.IndexOf(keyword, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                if (IsWholeWord(sentence, at, keyword.Length) && keyword.Length < sentence.Length / 2)
                {
                    return (at, keyword.Length);
                }

                at++;
            }
        }

        return (0, 0);
    }

    private static bool IsWholeWord(string text, int at, int length)
    {
        // CJK has no spaces between words: any occurrence counts.
        if (char.GetUnicodeCategory(text[at]) == UnicodeCategory.OtherLetter)
        {
            return true;
        }

        var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        var after = at + length >= text.Length || !char.IsLetterOrDigit(text[at + length]);
        return before && after;
    }
}
