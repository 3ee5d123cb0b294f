using System.Text.Json;
using Npgsql;
using Strata.Core.Sources;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>Maps sources to and from rows; the only place their columns are spelled out.</summary>
internal static class SourceRows
{
    public const string Columns =
        "s.id, s.type, s.target, s.name, s.schedule, s.tags, s.category, s.settings, s.paused, s.created_at, s.next_run_at, " +
        "s.last_run_at, s.last_success_at, s.last_error, s.consecutive_failures, s.items_collected, s.cursor";

    public const string InsertSql =
        "INSERT INTO sources (id, type, target, name, schedule, tags, category, settings, paused, created_at, next_run_at, last_run_at, " +
        "last_success_at, last_error, consecutive_failures, items_collected, cursor) VALUES (@id, @type, @target, @name, @schedule, @tags, " +
        "@category, @settings, @paused, @created_at, @next_run_at, @last_run_at, @last_success_at, @last_error, @failures, @collected, @cursor) " +
        "ON CONFLICT (type, target) DO NOTHING";

    public const string UpdateSql =
        "UPDATE sources SET name = @name, schedule = @schedule, tags = @tags, category = @category, settings = @settings, paused = @paused, " +
        "next_run_at = @next_run_at, last_run_at = @last_run_at, last_success_at = @last_success_at, last_error = @last_error, " +
        "consecutive_failures = @failures, items_collected = @collected, cursor = @cursor WHERE id = @id";

    public static NpgsqlCommand BindSource(this NpgsqlCommand command, Source source) => command
        .With("id", source.Id)
        .With("type", source.Type.ToString().ToLowerInvariant())
        .With("target", source.Target)
        .With("name", source.Name)
        .With("schedule", source.Schedule.Serialize())
        .With("tags", source.Tags.Count == 0 ? null : JsonSerializer.Serialize(source.Tags.ToArray(), RowJson.Default.StringArray))
        .With("category", source.Category)
        .With("settings", SourceRecords.WriteMap(source.Settings))
        .With("paused", source.Paused ? 1 : 0)
        .With("created_at", PostgresTime.ToText(source.CreatedAt))
        .With("next_run_at", PostgresTime.ToText(source.NextRunAt))
        .With("last_run_at", PostgresTime.ToText(source.LastRunAt))
        .With("last_success_at", PostgresTime.ToText(source.LastSuccessAt))
        .With("last_error", source.LastError)
        .With("failures", source.ConsecutiveFailures)
        .With("collected", source.ItemsCollected)
        .With("cursor", SourceRecords.WriteMap(source.Cursor));
}
