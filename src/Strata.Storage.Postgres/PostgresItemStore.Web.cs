using System.Data.Common;
using Strata.Core.Web;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore : IWebStore
{
    private const string HighlightColumns = "h.id, i.id, h.text, h.note, h.start, h.created_at";

    public async Task<Highlight?> AddHighlightAsync(string itemId, string text, string? note, int? start, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var id = Ulid.NewUlid(now).ToString();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO highlights (id, item_rowid, text, note, start, created_at) SELECT @id, rowid, @t, @n, @s, @at FROM items WHERE id = @item")
            .With("id", id).With("item", itemId).With("t", text).With("n", note).With("s", start).With("at", PostgresTime.ToText(now));
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return inserted == 0 ? null : new Highlight(id, itemId, text, note, start, now);
    }

    public async Task<IReadOnlyList<Highlight>> ListHighlightsAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {HighlightColumns} FROM highlights h JOIN items i ON i.rowid = h.item_rowid WHERE i.id = @item ORDER BY h.start IS NULL, h.start, h.rowid")
            .With("item", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var highlights = new List<Highlight>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            highlights.Add(ReadHighlight(reader));
        }

        return highlights;
    }

    public async Task<bool> DeleteHighlightAsync(string highlightId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM highlights WHERE id = @id").With("id", highlightId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<ApiToken> AddApiTokenAsync(string name, string secretHash, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var token = new ApiToken(Ulid.NewUlid(now).ToString(), name, now, null);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("INSERT INTO api_tokens (id, name, secret_hash, created_at) VALUES (@id, @n, @h, @at)")
            .With("id", token.Id).With("n", name).With("h", secretHash).With("at", PostgresTime.ToText(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    public async Task<IReadOnlyList<ApiToken>> ListApiTokensAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id, name, created_at, last_used_at FROM api_tokens ORDER BY created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tokens = new List<ApiToken>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(ReadToken(reader));
        }

        return tokens;
    }

    public async Task<ApiToken?> UseApiTokenAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE api_tokens SET last_used_at = @at WHERE secret_hash = @h RETURNING id, name, created_at, last_used_at")
            .With("h", secretHash).With("at", Now());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadToken(reader) : null;
    }

    public async Task<bool> RevokeApiTokenAsync(string idOrName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM api_tokens WHERE id = @x OR lower(name) = lower(@x)").With("x", idOrName);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT value FROM settings WHERE key = @k").With("k", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetSettingAsync(string key, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = value is null
            ? connection.Command("DELETE FROM settings WHERE key = @k").With("k", key)
            : connection.Command("INSERT INTO settings (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .With("k", key).With("v", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(DateOnly Day, int Items)>> CountItemsByDayAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT substr(collected_at, 1, 10) AS day, count(*) FROM items WHERE collected_at >= @since GROUP BY day ORDER BY day")
            .With("since", PostgresTime.ToText(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var days = new List<(DateOnly, int)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DateOnly.TryParseExact(reader.GetString(0), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                days.Add((day, reader.GetInt(1)));
            }
        }

        return days;
    }

    public async Task<IReadOnlyList<(string Source, int Items)>> CountItemsBySourceAsync(int top, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT COALESCE(site_name, kind) AS source, count(*) AS n FROM items GROUP BY source ORDER BY n DESC, source LIMIT @top").With("top", top);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sources = new List<(string, int)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sources.Add((reader.GetString(0), reader.GetInt(1)));
        }

        return sources;
    }

    private static Highlight ReadHighlight(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3),
        reader.IsDBNull(4) ? null : reader.GetInt32(4), PostgresTime.Parse(reader.GetString(5)));

    private static ApiToken ReadToken(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), PostgresTime.Parse(reader.GetString(2)), PostgresTime.ParseOrNull(reader.GetStringOrNull(3)));
}
