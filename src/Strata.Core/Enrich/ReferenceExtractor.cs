using System.Text.RegularExpressions;

namespace Strata.Core.Enrich;

/// <summary>
/// Finds what a text cites: web URLs (normalised by the caller's canonicaliser), DOIs (lower-cased, also from
/// <c>doi.org</c> links) and arXiv ids without their version (<c>arXiv:2401.01234v2</c> → <c>2401.01234</c>,
/// old style <c>hep-th/9901001</c>, also from <c>arxiv.org/abs|pdf</c> links). Thread-safe; never throws.
/// </summary>
public static partial class ReferenceExtractor
{
    /// <summary>At most this many references are kept per item (a link dump says little per link).</summary>
    public const int MaxReferences = 500;

    private const string TrailingPunctuation = ".,;:!?'\"*_>";

    public static IReadOnlyList<Reference> Extract(string? text, Func<string, string?>? normalizeUrl = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new HashSet<Reference>();

        // Each pattern needs a literal a plain search finds far faster than the regex scan: texts without it are skipped.
        foreach (Match match in Matches(UrlPattern(), text, text.Contains("://", StringComparison.Ordinal)))
        {
            var url = TrimUrl(match.Value);
            if (AsArxiv(url) is { } arxiv)
            {
                found.Add(new Reference(ReferenceKind.Arxiv, arxiv));
            }
            else if (DoiUrlPattern().Match(url) is { Success: true } doiUrl)
            {
                found.Add(new Reference(ReferenceKind.Doi, TrimDoi(Uri.UnescapeDataString(doiUrl.Groups["doi"].Value))));
            }
            else if ((normalizeUrl is null ? url : normalizeUrl(url)) is { } normalized)
            {
                found.Add(new Reference(ReferenceKind.Url, normalized));
            }
        }

        foreach (Match match in Matches(DoiPattern(), text, text.Contains("10.", StringComparison.Ordinal)))
        {
            // A DOI inside a URL was seen above (as the URL's DOI or its own link).
            if (match.Index > 0 && text[match.Index - 1] == '/')
            {
                continue;
            }

            found.Add(new Reference(ReferenceKind.Doi, TrimDoi(match.Value)));
        }

        foreach (Match match in ArxivPattern().Matches(text))
        {
            found.Add(new Reference(ReferenceKind.Arxiv, match.Groups["id"].Value));
        }

        foreach (Match match in Matches(OldArxivPattern(), text, HasSlashBeforeDigit(text)))
        {
            if (match.Index == 0 || text[match.Index - 1] != '/')
            {
                found.Add(new Reference(ReferenceKind.Arxiv, match.Groups["id"].Value));
            }
        }

        return found.Take(MaxReferences).ToArray();
    }

    /// <summary>The arXiv id of an <c>arxiv.org/abs/…</c> or <c>/pdf/…</c> link, without version; null for other URLs.</summary>
    public static string? AsArxiv(string url)
    {
        var match = ArxivUrlPattern().Match(url);
        return match.Success ? match.Groups["id"].Value : null;
    }

    private static IEnumerable<Match> Matches(Regex pattern, string text, bool possible) => possible ? pattern.Matches(text) : [];

    /// <summary>Whether a <c>/</c> is followed by a digit (as <c>\d</c> means: any decimal digit), which every old-style arXiv id has.</summary>
    private static bool HasSlashBeforeDigit(string text)
    {
        for (var slash = text.IndexOf('/'); slash >= 0 && slash + 1 < text.Length; slash = text.IndexOf('/', slash + 1))
        {
            if (char.IsDigit(text[slash + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static string TrimUrl(string url)
    {
        url = url.TrimEnd(TrailingPunctuation.ToCharArray());

        // A closing parenthesis belongs to the URL only when the URL opened one (Wikipedia links do).
        while (url.EndsWith(')') && url.Count(c => c == ')') > url.Count(c => c == '('))
        {
            url = url[..^1].TrimEnd(TrailingPunctuation.ToCharArray());
        }

        return url;
    }

    private static string TrimDoi(string doi)
    {
        doi = doi.TrimEnd(TrailingPunctuation.ToCharArray());
        while (doi.EndsWith(')') && doi.Count(c => c == ')') > doi.Count(c => c == '('))
        {
            doi = doi[..^1].TrimEnd(TrailingPunctuation.ToCharArray());
        }

        return doi.ToLowerInvariant();
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""'`\]\[{}|\\^]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^https?://(?:dx\.)?doi\.org/(?<doi>10\.\d{4,9}/\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiUrlPattern();

    [GeneratedRegex(@"\b10\.\d{4,9}/[^\s""'<>\]\[{}]+", RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();

    [GeneratedRegex(@"\barxiv:\s?(?<id>\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/\d{7})(?:v\d+)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPattern();

    [GeneratedRegex(@"\b(?<id>(?:astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|quant-ph|physics|math|cs|q-bio|q-fin|stat)(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex OldArxivPattern();

    [GeneratedRegex(@"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?<id>\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivUrlPattern();
}
