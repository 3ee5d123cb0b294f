using Npgsql;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>Writing one item's keyword index row: its document and its phrase grams (<see cref="PhraseGrams"/>).</summary>
internal static class SearchIndexRows
{
    public const string Upsert =
        "INSERT INTO search_index (item_rowid, document, grams) VALUES (@r, @d::tsvector, @g::tsvector) " +
        "ON CONFLICT (item_rowid) DO UPDATE SET document = excluded.document, grams = excluded.grams";

    public static NpgsqlCommand WithSearchDocument(this NpgsqlCommand command, long rowid, IndexDocument document)
    {
        var (text, grams) = SearchDocument.BuildWithGrams(document);
        return command.With("r", rowid).With("d", text).With("g", grams);
    }
}
