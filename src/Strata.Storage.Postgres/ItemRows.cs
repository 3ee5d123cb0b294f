using System.Data.Common;
using System.Text.Json.Serialization;
using Npgsql;
using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>Maps items to and from rows; the column lists here are the only place they are spelled out.</summary>
internal static class ItemRows
{
    public const string FullColumns =
        "i.rowid, i.id, i.kind, i.state, i.status, i.favourite, i.url, i.canonical_url, i.source_path, i.title, i.byline, " +
        "i.site_name, i.published_at, i.collected_at, i.updated_at, i.language, i.content_hash, i.media_type, i.byte_size, " +
        "i.text, i.excerpt, i.word_count, i.pages, i.metadata, i.error, i.error_transient, i.category, i.category_origin, i.category_confidence";

    public const string SummaryColumns =
        "i.id, i.kind, i.state, COALESCE(i.title, i.source_path, i.url, i.id), i.url, i.source_path, i.site_name, i.language, " +
        "i.collected_at, i.published_at, i.word_count, " +
        "(SELECT string_agg(t.tag, chr(31) ORDER BY t.tag) FROM item_tags t WHERE t.item_rowid = i.rowid), i.error, i.status, i.favourite, i.category";

    /// <summary>Number of columns in <see cref="SummaryColumns"/>.</summary>
    public const int SummaryWidth = 16;

    public static Item ReadItem(DbDataReader r, IReadOnlyList<ItemTag> tags) => ItemRecords.ReadItem(r, tags);

    public static ItemSummary ReadSummary(DbDataReader r, int offset = 0) => ItemRecords.ReadSummary(r, offset);

    /// <summary>Binds every item column as <c>@name</c> parameters for INSERT and UPDATE.</summary>
    public static NpgsqlCommand BindItem(this NpgsqlCommand command, Item item) => command
        .With("id", item.Id)
        .With("kind", item.Kind.ToString().ToLowerInvariant())
        .With("state", (int)item.State)
        .With("status", item.Status.ToString().ToLowerInvariant())
        .With("favourite", item.Favourite ? 1 : 0)
        .With("url", item.Url)
        .With("canonical_url", item.CanonicalUrl)
        .With("source_path", item.SourcePath)
        .With("title", item.Title)
        .With("byline", item.Byline)
        .With("site_name", item.SiteName)
        .With("published_at", PostgresTime.ToText(item.PublishedAt))
        .With("collected_at", PostgresTime.ToText(item.CollectedAt))
        .With("updated_at", PostgresTime.ToText(item.UpdatedAt))
        .With("language", item.Language)
        .With("content_hash", item.ContentHash)
        .With("media_type", item.MediaType)
        .With("byte_size", item.ByteSize)
        .With("text", item.Text)
        .With("excerpt", item.Excerpt)
        .With("word_count", item.WordCount)
        .With("pages", ItemRecords.PagesText(item))
        .With("metadata", ItemRecords.MetadataText(item))
        .With("error", item.Error)
        .With("error_transient", item.ErrorIsTransient ? 1 : 0)
        .With("category", item.Category);

    public const string InsertSql =
        "INSERT INTO items (id, kind, state, status, favourite, url, canonical_url, source_path, title, byline, site_name, published_at, " +
        "collected_at, updated_at, language, content_hash, media_type, byte_size, text, excerpt, word_count, pages, metadata, error, error_transient, category) " +
        "VALUES (@id, @kind, @state, @status, @favourite, @url, @canonical_url, @source_path, @title, @byline, @site_name, @published_at, " +
        "@collected_at, @updated_at, @language, @content_hash, @media_type, @byte_size, @text, @excerpt, @word_count, @pages, @metadata, @error, @error_transient, @category) " +
        "RETURNING rowid";

    public const string UpdateSql =
        "UPDATE items SET kind = @kind, state = @state, status = @status, favourite = @favourite, url = @url, canonical_url = @canonical_url, " +
        "source_path = @source_path, title = @title, byline = @byline, site_name = @site_name, published_at = @published_at, " +
        "updated_at = @updated_at, language = @language, content_hash = @content_hash, media_type = @media_type, byte_size = @byte_size, " +
        "text = @text, excerpt = @excerpt, word_count = @word_count, pages = @pages, metadata = @metadata, error = @error, " +
        "error_transient = @error_transient, category = @category WHERE id = @id RETURNING rowid";
}

[JsonSerializable(typeof(PageSpan[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class RowJson : JsonSerializerContext;
