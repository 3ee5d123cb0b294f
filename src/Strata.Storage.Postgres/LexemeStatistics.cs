using System.Text.RegularExpressions;

namespace Strata.Storage.Postgres;

/// <summary>
/// How common the index's frequent lexemes are, from PostgreSQL's own statistics (<c>pg_stats.most_common_elems</c>
/// of <c>search_index.document</c>, gathered by ANALYZE or autovacuum) and the table's estimated row count. A snapshot:
/// immutable and thread-safe.
/// </summary>
internal sealed partial class LexemeStatistics
{
    private readonly Dictionary<string, double> _frequencies;
    private readonly double _rare;

    public LexemeStatistics(double rows, IReadOnlyList<string> lexemes, IReadOnlyList<float> frequencies)
    {
        Rows = Math.Max(rows, 0);
        _frequencies = new Dictionary<string, double>(lexemes.Count, StringComparer.Ordinal);
        for (var i = 0; i < lexemes.Count && i < frequencies.Count; i++)
        {
            _frequencies[lexemes[i]] = frequencies[i];
        }

        // PostgreSQL's own guess for a lexeme missing from the list: half the least common one listed.
        _rare = _frequencies.Count == 0 ? 0 : _frequencies.Values.Min() / 2;
    }

    public static LexemeStatistics None { get; } = new(0, [], []);

    /// <summary>Estimated rows in the index.</summary>
    public double Rows { get; }

    /// <summary>
    /// The estimated share of documents a plain query (lexemes joined by <c>&amp;</c> or <c>|</c>) matches: words
    /// that must all occur multiply (as independent), alternatives add. 0 when nothing is known.
    /// </summary>
    public double Share(string tsquery)
    {
        var any = tsquery.Contains('|', StringComparison.Ordinal);
        var share = any ? 0.0 : 1.0;
        var terms = 0;
        foreach (Match match in Lexeme().Matches(tsquery))
        {
            var lexeme = match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            var frequency = _frequencies.GetValueOrDefault(lexeme, _rare);
            share = any ? share + frequency : share * frequency;
            terms++;
        }

        return terms == 0 ? 0 : Math.Min(share, 1);
    }

    /// <summary>The query without its excluded parts (<c>!'word'</c>, <c>!( ... )</c>, never nested: the translator writes them so).</summary>
    public static string WithoutExclusions(string tsquery) => Exclusion().Replace(tsquery, string.Empty);

    [GeneratedRegex(@"!\s*(?:'(?:[^']|'')*'|\((?:[^()']|'(?:[^']|'')*')*\))", RegexOptions.CultureInvariant)]
    private static partial Regex Exclusion();

    [GeneratedRegex("'((?:[^']|'')*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Lexeme();
}
