namespace Strata.Storage.Postgres;

internal static partial class PostgresSchema
{
    /// <summary>
    /// Phrase grams (<see cref="PhraseGrams"/>): a column of adjacent-pair lexemes with its own GIN index, filled for
    /// the rows already indexed from the positions their documents hold (adjacent positions are adjacent words of one
    /// field: fields are 100 positions apart), with the same function words and limits the index step uses.
    /// </summary>
    /// <remarks>A property, not a field: the list comes from <see cref="PhraseGrams.Common"/> and the migrations
    /// array is initialised in another file of this partial class.</remarks>
    private static string Grams => $"""
        ALTER TABLE search_index ADD COLUMN grams tsvector NOT NULL DEFAULT '';
        {FillGrams};
        CREATE INDEX ix_search_index_grams ON search_index USING gin (grams);
        """;

    /// <summary>Sets every row's grams from its document (what <see cref="SearchDocument.BuildWithGrams"/> writes for new rows).</summary>
    internal static string FillGrams => $"""
        UPDATE search_index s SET grams = COALESCE((
            SELECT array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme))
            FROM (SELECT u.lexeme, p.pos FROM unnest(s.document) u, unnest(u.positions) AS p(pos)) a
            JOIN (SELECT u.lexeme, p.pos FROM unnest(s.document) u, unnest(u.positions) AS p(pos)) b ON b.pos = a.pos + 1
            WHERE b.pos < {PhraseGrams.MaxPosition} AND octet_length(a.lexeme || ' ' || b.lexeme) <= {SearchDocument.MaxLexemeBytes}
                AND (a.lexeme = ANY ({CommonWords}) OR b.lexeme = ANY ({CommonWords}))), '')
        """;

    private static string CommonWords =>
        $"ARRAY[{string.Join(", ", PhraseGrams.Common.Select(word => $"'{word.Replace("'", "''", StringComparison.Ordinal)}'"))}]::text[]";
}
