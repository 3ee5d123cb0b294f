using System.Globalization;
using System.Text;

namespace Strata.Sources.Arxiv;

/// <summary>
/// Builds arXiv API query URLs, newest submissions first. Plain words and <c>"quoted phrases"</c> become
/// <c>all:</c> terms joined by <c>AND</c> (upper-case <c>AND</c>, <c>OR</c>, <c>ANDNOT</c> are kept as operators);
/// a query that already uses arXiv field prefixes (<c>ti:</c>, <c>au:</c>, <c>abs:</c>, <c>cat:</c>, ...) is passed
/// through. Everything is percent-escaped; no HTTP here.
/// </summary>
public static class ArxivQuery
{
    /// <summary>The arXiv API's largest page.</summary>
    public const int MaxPageSize = 2000;

    private const string Join = "+";
    private static readonly string[] FieldPrefixes = ["ti:", "au:", "abs:", "co:", "jr:", "cat:", "rn:", "id:", "all:"];
    private static readonly string[] Operators = ["AND", "OR", "ANDNOT"];

    /// <summary>The public API: <c>https://export.arxiv.org/api/</c>.</summary>
    public static Uri DefaultApiBase { get; } = new("https://export.arxiv.org/api/");

    /// <summary>
    /// <c>{apiBase}/query?search_query=...&amp;sortBy=submittedDate&amp;sortOrder=descending&amp;start=..&amp;max_results=..</c>.
    /// </summary>
    /// <param name="apiBase">Absolute API base, e.g. <see cref="DefaultApiBase"/>; a missing trailing slash is added.</param>
    /// <param name="query">Words, phrases or a fielded arXiv query; may be empty when a category is given.</param>
    /// <param name="category">Restricts to an arXiv category such as <c>cs.CL</c>; null or empty for none.</param>
    /// <param name="start">Zero-based index of the first result.</param>
    /// <param name="maxResults">Page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <exception cref="ArgumentException">No query and no category, a relative base, or a category with spaces.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative start or a page size out of range.</exception>
    public static Uri BuildUrl(Uri apiBase, string query, string? category, int start, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, MaxPageSize);
        if (!apiBase.IsAbsoluteUri)
        {
            throw new ArgumentException("The arXiv API base must be an absolute URL.", nameof(apiBase));
        }

        var search = BuildSearch(query, category);
        var path = apiBase.GetLeftPart(UriPartial.Path);
        var separator = path.EndsWith('/') ? string.Empty : "/";
        return new Uri(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}{separator}query?search_query={search}&sortBy=submittedDate&sortOrder=descending&start={start}&max_results={maxResults}"));
    }

    /// <summary>The escaped <c>search_query</c> value.</summary>
    internal static string BuildSearch(string query, string? category)
    {
        var tokens = QueryTokens.Split(query);
        var hasCategory = !string.IsNullOrWhiteSpace(category);
        if (tokens.Count == 0 && !hasCategory)
        {
            throw new ArgumentException("An arXiv query needs search words or a category.", nameof(query));
        }

        var fielded = tokens.Exists(t => FieldPrefixes.Any(p => t.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
        var search = new StringBuilder();
        var hasOperator = false;
        var previousWasTerm = false;
        foreach (var token in tokens)
        {
            var isOperator = Operators.Contains(token, StringComparer.Ordinal);
            hasOperator |= isOperator;
            if (!fielded && previousWasTerm && !isOperator)
            {
                search.Append(Join).Append("AND");
            }

            if (search.Length > 0)
            {
                search.Append(Join);
            }

            search.Append(fielded || isOperator ? Escape(token) : "all:" + Escape(token));
            previousWasTerm = !isOperator;
        }

        if (hasCategory)
        {
            var trimmed = category!.Trim();
            if (trimmed.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"'{trimmed}' is not an arXiv category.", nameof(category));
            }

            var terms = (fielded || hasOperator) && tokens.Count > 1 ? $"%28{search}%29" : search.ToString();
            return terms.Length == 0 ? "cat:" + Escape(trimmed) : $"{terms}{Join}AND{Join}cat:{Escape(trimmed)}";
        }

        return search.ToString();
    }

    // Percent-escapes a term but keeps the field colon readable, as the arXiv documentation writes it.
    private static string Escape(string token) => Uri.EscapeDataString(token).Replace("%3A", ":", StringComparison.Ordinal);
}
