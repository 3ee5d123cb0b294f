using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Summaries;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    public async Task<IReadOnlyList<Summary>> GetSummariesAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT s.method, s.model, s.text, s.key_points, s.created_at FROM summaries s JOIN items i ON i.rowid = s.item_rowid " +
            "WHERE i.id = $id ORDER BY CASE s.method WHEN 'abstractive' THEN 0 ELSE 1 END").With("$id", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var summaries = new List<Summary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            summaries.Add(new Summary(itemId, reader.GetString(0), reader.GetStringOrNull(1), reader.GetString(2), ReadKeyPoints(reader.GetStringOrNull(3)), SqliteTime.Parse(reader.GetString(4))));
        }

        return summaries;
    }

    public async Task<bool> SaveSummaryAsync(Summary summary, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command("SELECT rowid FROM items WHERE id = $id", transaction).With("$id", summary.ItemId);
        if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long rowid)
        {
            return false;
        }

        await using (var commands = new CompletionCommands(connection, transaction))
        {
            await WriteSummaryAsync(commands, rowid, summary, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<string>> ListItemsWithoutSummaryAsync(string method, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.id FROM items i WHERE i.state = $indexed AND i.text IS NOT NULL AND i.text <> '' " +
            "AND NOT EXISTS (SELECT 1 FROM summaries s WHERE s.item_rowid = i.rowid AND s.method = $m) ORDER BY i.rowid LIMIT $max")
            .With("$indexed", (int)ItemState.Indexed).With("$m", method).With("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private const string UpsertSummarySql =
        "INSERT INTO summaries (item_rowid, method, model, text, key_points, created_at) VALUES ($r, $m, $model, $t, $k, $at) " +
        "ON CONFLICT (item_rowid, method) DO UPDATE SET model = excluded.model, text = excluded.text, key_points = excluded.key_points, created_at = excluded.created_at";

    private static async Task WriteSummaryAsync(CompletionCommands commands, long rowid, Summary summary, CancellationToken cancellationToken)
    {
        var upsert = commands.Get(UpsertSummarySql)
            .With("$r", rowid).With("$m", summary.Method).With("$model", summary.Model).With("$t", summary.Text)
            .With("$k", JsonSerializer.Serialize(summary.KeyPoints.ToArray(), KeyPointsJson)).With("$at", SqliteTime.ToText(summary.CreatedAt));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Key points keep CJK and accents as they are (the default escapes them as <c>\uXXXX</c>, tripling Chinese text);
    /// the JSON is only ever read back by this store, never embedded in HTML.</summary>
    private static readonly JsonTypeInfo<string[]> KeyPointsJson = (JsonTypeInfo<string[]>)new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = StringArrayJson.Default,
    }.GetTypeInfo(typeof(string[]));

    private static string[] ReadKeyPoints(string? json) => json is null ? [] : JsonSerializer.Deserialize(json, StringArrayJson.Default.StringArray) ?? [];
}
