using System.Globalization;
using Strata.Core.Text;

namespace Strata.Core.Search;

/// <summary>
/// Parses the query language: <c>words "a phrase" -excluded -"excluded phrase" tag:x category:c source:y kind:paper
/// lang:zh after:2026-01-01 before:2026-06-30 is:unread</c>. Filter values may be quoted
/// (<c>tag:"machine learning"</c>); keys are case-insensitive. An unknown key, an empty value or an invalid
/// date leaves the whole <c>key:value</c> as a plain term; a negated filter (<c>-tag:x</c>) is ignored.
/// FTS5 syntax (<c>AND</c>, <c>NEAR(</c>, <c>*</c>, <c>^</c>, parentheses, <c>col:</c>) has no meaning here: it is kept as plain text and only ever reaches
/// FTS5 analysed and quoted by <see cref="Fts5QueryBuilder"/>.
/// </summary>
/// <remarks>Pure and thread-safe; never throws (null or odd input gives an empty or partial query).</remarks>
public static class SearchQueryParser
{
    /// <summary>Longest query text considered; the rest is ignored.</summary>
    public const int MaxQueryLength = 2000;

    /// <summary>Most terms, phrases and filters kept; further items are ignored.</summary>
    public const int MaxItems = 64;

    public static SearchQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return SearchQuery.Empty;
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var parts = new SearchQueryParts();
        var i = 0;
        var items = 0;
        while (i < text.Length && items < MaxItems)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-';
            if (negated)
            {
                i++;
                if (i >= text.Length || char.IsWhiteSpace(text[i]))
                {
                    continue;
                }
            }

            if (text[i] == '"')
            {
                var phrase = ReadQuoted(text, ref i);
                if (HasSearchableText(phrase))
                {
                    (negated ? parts.ExcludedPhrases : parts.Phrases).Add(phrase);
                    items++;
                }

                continue;
            }

            var word = ReadBare(text, ref i);
            items += AddWord(parts, word, negated) ? 1 : 0;
        }

        return parts.ToQuery();
    }

    private static bool AddWord(SearchQueryParts parts, string word, bool negated)
    {
        if (TryAddFilter(negated ? null : parts, word))
        {
            return !negated;
        }

        if (!HasSearchableText(word))
        {
            return false;
        }

        (negated ? parts.ExcludedTerms : parts.Terms).Add(word);
        return true;
    }

    /// <summary>Adds a recognised <c>key:value</c> to <paramref name="parts"/> (when given) and returns whether it was one.</summary>
    private static bool TryAddFilter(SearchQueryParts? parts, string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == word.Length - 1)
        {
            return false;
        }

        var key = word[..colon].ToLowerInvariant();
        var value = word[(colon + 1)..].Trim();
        if (value.Length == 0)
        {
            return false;
        }

        var scratch = parts ?? new SearchQueryParts();
        switch (key)
        {
            case "tag":
                scratch.Tags.Add(value);
                return true;
            case "category":
                scratch.Categories.Add(value);
                return true;
            case "source":
                scratch.Sources.Add(value);
                return true;
            case "kind":
                scratch.Kinds.Add(value.ToLowerInvariant());
                return true;
            case "lang" or "language":
                scratch.Languages.Add(value.ToLowerInvariant());
                return true;
            case "is" or "status":
                scratch.Statuses.Add(value.ToLowerInvariant());
                return true;
            case "after" when TryParseDate(value, lastDay: false, out var after):
                scratch.After = after;
                return true;
            case "before" when TryParseDate(value, lastDay: true, out var before):
                scratch.Before = before;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Accepts <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>; a month or year means its first or last day.</summary>
    private static bool TryParseDate(string value, bool lastDay, out DateOnly date)
    {
        var culture = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM", culture, DateTimeStyles.None, out date))
        {
            date = lastDay ? date.AddMonths(1).AddDays(-1) : date;
            return true;
        }

        if (value.Length == 4 && DateOnly.TryParseExact(value, "yyyy", culture, DateTimeStyles.None, out date))
        {
            date = lastDay ? date.AddYears(1).AddDays(-1) : date;
            return true;
        }

        return false;
    }

    /// <summary>Reads from an opening quote to the closing quote or the end of the text.</summary>
    private static string ReadQuoted(string text, ref int i)
    {
        var start = i + 1;
        var end = text.IndexOf('"', start);
        if (end < 0)
        {
            end = text.Length;
        }

        i = Math.Min(end + 1, text.Length);
        return text[start..end].Trim();
    }

    /// <summary>Reads up to white space or a quote; <c>key:"quoted value"</c> reads the quoted value too.</summary>
    private static string ReadBare(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
        {
            i++;
        }

        var word = text[start..i];
        if (i < text.Length && text[i] == '"' && word.Length > 1 && word[^1] == ':')
        {
            return word + ReadQuoted(text, ref i);
        }

        return word;
    }

    private static bool HasSearchableText(string text)
    {
        foreach (var _ in new TextTokenizer(text))
        {
            return true;
        }

        return false;
    }
}
