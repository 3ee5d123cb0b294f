using Microsoft.Data.Sqlite;
using Strata.Core.Sources;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore : ISourceStore
{
    public async Task<(Source Source, bool Created)> AddSourceAsync(Source source, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command(SourceRows.InsertSql).BindSource(source);
        var created = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await using var select = connection.Command($"SELECT {SourceRows.Columns} FROM sources s WHERE s.type = $type AND s.target = $target")
            .With("$type", source.Type.ToString().ToLowerInvariant()).With("$target", source.Target);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (SourceRecords.Read(reader), created);
    }

    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken cancellationToken) =>
        QuerySourcesAsync($"SELECT {SourceRows.Columns} FROM sources s ORDER BY s.created_at, s.rowid", null, cancellationToken);

    public async Task<Source?> GetSourceAsync(string id, CancellationToken cancellationToken) =>
        (await QuerySourcesAsync($"SELECT {SourceRows.Columns} FROM sources s WHERE s.id = $id", command => command.With("$id", id), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<string>> FindSourceIdsByPrefixAsync(string prefix, int max, CancellationToken cancellationToken)
    {
        var key = prefix.Trim().ToUpperInvariant();
        if (key.Length < 4)
        {
            return [];
        }

        var sources = await QuerySourcesAsync($"SELECT {SourceRows.Columns} FROM sources s WHERE s.id >= $p AND s.id < $p || 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ' LIMIT $max",
            command => command.With("$p", key).With("$max", max), cancellationToken).ConfigureAwait(false);
        return sources.Select(source => source.Id).Where(id => id.StartsWith(key, StringComparison.Ordinal)).ToArray();
    }

    public async Task SaveSourceAsync(Source source, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.Command(SourceRows.UpdateSql).BindSource(source);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveSourceAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.Command("DELETE FROM sources WHERE id = $id").With("$id", id);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task<IReadOnlyList<Source>> ListDueSourcesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        QuerySourcesAsync($"SELECT {SourceRows.Columns} FROM sources s WHERE s.paused = 0 AND (s.next_run_at IS NULL OR s.next_run_at <= $now) ORDER BY s.next_run_at, s.rowid",
            command => command.With("$now", SqliteTime.ToText(now)), cancellationToken);

    public async Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, SourceRunResult result, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command(
            "INSERT INTO source_runs (source_rowid, started_at, duration_ms, new, updated, unchanged, failed, error) " +
            "SELECT rowid, $t, $d, $n, $u, $s, $f, $e FROM sources WHERE id = $id")
            .With("$id", sourceId).With("$t", SqliteTime.ToText(startedAt)).With("$d", (long)result.Duration.TotalMilliseconds)
            .With("$n", result.New).With("$u", result.Updated).With("$s", result.Unchanged).With("$f", result.Failed).With("$e", result.Error);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(DateTimeOffset StartedAt, SourceRunResult Outcome)>> ListRunsAsync(string sourceId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            "SELECT r.started_at, r.duration_ms, r.new, r.updated, r.unchanged, r.failed, r.error FROM source_runs r JOIN sources s ON s.rowid = r.source_rowid " +
            "WHERE s.id = $id ORDER BY r.started_at DESC, r.rowid DESC LIMIT $max").With("$id", sourceId).With("$max", max);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<(DateTimeOffset, SourceRunResult)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add((SqliteTime.Parse(reader.GetString(0)), new SourceRunResult(reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                TimeSpan.FromMilliseconds(reader.GetInt64(1)), reader.GetStringOrNull(6))));
        }

        return runs;
    }

    private async Task<IReadOnlyList<Source>> QuerySourcesAsync(string sql, Action<SqliteCommand>? bind, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql);
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sources = new List<Source>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sources.Add(SourceRecords.Read(reader));
        }

        return sources;
    }

}
