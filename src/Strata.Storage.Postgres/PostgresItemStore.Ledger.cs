using System.Globalization;
using Strata.Core.Ledger;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    public async Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO model_ledger (at, provider, model, purpose, input_tokens, output_tokens, latency_ms, cost, cached, counted) " +
            "VALUES (@at, @p, @m, @u, @in, @out, @ms, @cost, @cached, @counted)")
            .With("at", PostgresTime.ToText(entry.At)).With("p", entry.Provider).With("m", entry.Model).With("u", entry.Purpose)
            .With("in", entry.InputTokens).With("out", entry.OutputTokens).With("ms", (long)entry.Latency.TotalMilliseconds)
            .With("cost", entry.Cost.ToString(CultureInfo.InvariantCulture)).With("cached", entry.Cached ? 1 : 0).With("counted", entry.Counted ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListLedgerAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT at, provider, model, purpose, input_tokens, output_tokens, latency_ms, cost, cached, counted FROM model_ledger WHERE at >= @since ORDER BY at, rowid")
            .With("since", PostgresTime.ToText(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new LedgerEntry(
                PostgresTime.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5),
                TimeSpan.FromMilliseconds(reader.GetInt64(6)), decimal.Parse(reader.GetString(7), CultureInfo.InvariantCulture), reader.GetInt32(8) != 0, reader.GetInt32(9) != 0));
        }

        return entries;
    }

    public async Task<long> SumTokensAsync(string purpose, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COALESCE(SUM(input_tokens + output_tokens), 0) FROM model_ledger WHERE purpose = @u AND at >= @since")
            .With("u", purpose).With("since", PostgresTime.ToText(since));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<string?> GetCachedResponseAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT response FROM model_cache WHERE key = @k").With("k", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task PutCachedResponseAsync(string key, string model, string response, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO model_cache (key, model, response, created_at) VALUES (@k, @m, @r, @at) " +
            "ON CONFLICT (key) DO UPDATE SET response = excluded.response, created_at = excluded.created_at")
            .With("k", key).With("m", model).With("r", response).With("at", Now());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
