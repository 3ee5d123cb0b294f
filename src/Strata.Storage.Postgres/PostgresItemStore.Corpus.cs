using System.Globalization;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore : Core.Enrich.ICorpusStatisticsStore
{
    private const string DocumentCountKey = "corpus.documents";

    /// <summary>Terms per lookup: one array parameter per statement, however many terms there are.</summary>
    private const int TermsPerLookup = 4096;

    public async Task<IReadOnlyDictionary<string, int>> LoadDocumentFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in terms.Chunk(TermsPerLookup))
        {
            await using var command = connection.Command("SELECT term, df FROM term_df WHERE term = ANY(@t)").With("t", chunk);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        return found;
    }

    public async Task<long> LoadDocumentCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT value FROM settings WHERE key = @k").With("k", DocumentCountKey);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }

    public async Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> deltas, long documents, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in deltas.Chunk(TermsPerLookup))
        {
            // One upsert per chunk from a JSON object: far fewer statements than one per term.
            await using var upsert = connection.Command(
                "INSERT INTO term_df (term, df) SELECT * FROM unnest(@t, @d) ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df", transaction)
                .With("t", chunk.Select(pair => pair.Key).ToArray()).With("d", chunk.Select(pair => pair.Value).ToArray());
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var count = connection.Command(
            "INSERT INTO settings (key, value) VALUES (@k, @n) ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(settings.value AS bigint) + CAST(@n AS bigint) AS text)", transaction)
            .With("k", DocumentCountKey).With("n", documents.ToString(CultureInfo.InvariantCulture)))
        {
            await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
