using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>Times are stored as fixed-width UTC text (the SQLite store's format), so text order is time order.</summary>
internal static class PostgresTime
{
    public static string ToText(DateTimeOffset value) => StoredTime.ToText(value);

    public static string? ToText(DateTimeOffset? value) => StoredTime.ToText(value);

    public static DateTimeOffset Parse(string text) => StoredTime.Parse(text);

    public static DateTimeOffset? ParseOrNull(string? text) => StoredTime.ParseOrNull(text);
}
