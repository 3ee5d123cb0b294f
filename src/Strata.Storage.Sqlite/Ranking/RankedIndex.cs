using Microsoft.Data.Sqlite;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Ranks keyword queries from the segment postings with BM25 computed here, in one pass over each term's postings:
/// FTS5's <c>bm25()</c> costs microseconds per matching row and rescans every phrase to count it, which at 100,000
/// documents made a common word cost tens of milliseconds and a phrase of common words hundreds. Phrases are
/// matched from word positions (read only for them) and ranked like a word, by how often each document holds them.
/// One instance per store; thread-safe.
/// </summary>
internal sealed class RankedIndex : IDisposable
{
    private const string CompleteKey = "search.keyword_index";

    /// <summary>The index format the settings value names once complete (a base built in an older one needs a rebuild).</summary>
    private const string Format = "common-grams-1";

    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private readonly HotPostings _hot = new();
    private DocumentTable _table = DocumentTable.Empty;

    /// <summary>
    /// Whether every indexed item is in the ranked index (a base created before it needs <c>strata reindex</c>), as
    /// <paramref name="transaction"/> sees it. Not cached: another process may start a rebuild at any time.
    /// </summary>
    public static async Task<bool> IsCompleteAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT value FROM settings WHERE key = $k", transaction).With("$k", CompleteKey);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string == Format;
    }

    /// <summary>Records whether the index is complete (false while a rebuild runs).</summary>
    public static async Task MarkCompleteAsync(SqliteConnection connection, SqliteTransaction? transaction, bool complete, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(complete
            ? $"INSERT OR REPLACE INTO settings (key, value) VALUES ($k, '{Format}')"
            : "DELETE FROM settings WHERE key = $k", transaction).With("$k", CompleteKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every document matching <paramref name="query"/>, scored; folded near-duplicates left out when asked. Null when
    /// the index is not complete in the snapshot read (a rebuild running, an older format): it must not answer then.
    /// </summary>
    public async Task<RankedDocuments?> RankAsync(SqliteConnection connection, KeywordQuery query, bool hideFolded, CancellationToken cancellationToken)
    {
        // One read transaction: the completeness marker, the document table and the postings come from one snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var (complete, changed) = await ReadStateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (!complete)
        {
            return null;
        }

        var table = await TableAsync(connection, transaction, changed, cancellationToken).ConfigureAwait(false);
        var source = new PostingsSource(connection, transaction, table, _hot);
        if (query.Positive.Count == 1 && query.Excluded.Count == 0)
        {
            var folded = hideFolded ? await FoldedAsync(connection, transaction, cancellationToken).ConfigureAwait(false) : [];
            return await QueryEvaluation.RankOneAsync(source, table, query.Positive[0], folded, cancellationToken).ConfigureAwait(false);
        }

        using var evaluation = new QueryEvaluation(source, table);
        foreach (var expression in query.Positive)
        {
            await evaluation.AddAsync(expression, cancellationToken).ConfigureAwait(false);
        }

        foreach (var expression in query.Excluded)
        {
            await evaluation.ExcludeAsync(expression, cancellationToken).ConfigureAwait(false);
        }

        if (hideFolded)
        {
            foreach (var rowid in await FoldedAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            {
                evaluation.Exclude(rowid);
            }
        }

        return evaluation.Collect(query.RequireAll ? query.Positive.Count : 1, exact: query.RequireAll);
    }

    /// <summary>Whether the index is complete and its newest change number, in one statement (each costs a prepare per search).</summary>
    private static async Task<(bool Complete, long Changed)> ReadStateAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT (SELECT value FROM settings WHERE key = $k), (SELECT coalesce(max(changed), 0) FROM search_documents)", transaction).With("$k", CompleteKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (!reader.IsDBNull(0) && reader.GetString(0) == Format, reader.GetInt64(1));
    }

    /// <summary>Folded near-duplicates (left out unless asked for).</summary>
    private static async Task<HashSet<long>> FoldedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var folded = new HashSet<long>();
        await using var command = connection.Command("SELECT rowid FROM items WHERE duplicate_of IS NOT NULL", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            folded.Add(reader.GetInt64(0));
        }

        return folded;
    }

    public void Dispose() => _hot.Dispose();

    private async Task<DocumentTable> TableAsync(SqliteConnection connection, SqliteTransaction transaction, long changed, CancellationToken cancellationToken)
    {
        var table = Volatile.Read(ref _table);
        if (table.Changed == changed)
        {
            return table;
        }

        if (changed < table.Changed)
        {
            // This transaction sees an older state than the shared table (a writer committed in between): build
            // a private table for it rather than move the shared one backwards.
            return await DocumentTable.Empty.CatchUpAsync(connection, transaction, changed, cancellationToken).ConfigureAwait(false);
        }

        await _catchingUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            table = Volatile.Read(ref _table);
            if (table.Changed != changed)
            {
                table = await table.CatchUpAsync(connection, transaction, changed, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _table, table);
            }

            return table;
        }
        finally
        {
            _catchingUp.Release();
        }
    }
}
