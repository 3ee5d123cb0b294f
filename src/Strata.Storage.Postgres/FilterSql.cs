using System.Text;
using Npgsql;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>Turns an <see cref="ItemFilter"/> into WHERE conditions on alias <c>i</c>, with parameters bound.</summary>
internal static class FilterSql
{
    /// <summary>The condition that hides near-duplicates folded into another item.</summary>
    public const string NotFolded = "i.duplicate_of IS NULL";

    /// <summary>The condition of an empty filter.</summary>
    public const string Always = "TRUE";

    /// <param name="filter">The filter.</param>
    /// <param name="command">Receives the parameters.</param>
    /// <param name="foldedHandled">The caller applies <see cref="NotFolded"/> itself.</param>
    public static string Where(ItemFilter filter, NpgsqlCommand command, bool foldedHandled = false)
    {
        var conditions = new List<string>();
        if (!filter.IncludeDuplicates && !foldedHandled)
        {
            conditions.Add(NotFolded);
        }

        AddIn(conditions, command, "i.kind", filter.Kinds.Select(kind => kind.ToString().ToLowerInvariant()), "k");
        AddIn(conditions, command, "i.language", filter.Languages.Select(language => language.ToLowerInvariant()), "l");
        AddIn(conditions, command, "lower(i.category)", filter.Categories.Select(category => category.Trim().ToLowerInvariant()), "cat");
        AddIn(conditions, command, "i.status", filter.Statuses.Select(status => status.ToString().ToLowerInvariant()), "st");
        for (var index = 0; index < filter.Tags.Count; index++)
        {
            var name = $"@tag{index}";
            conditions.Add($"EXISTS (SELECT 1 FROM item_tags t WHERE t.item_rowid = i.rowid AND (t.tag = {name} OR t.tag LIKE {name} || '/%'))");
            command.With(name, filter.Tags[index].Trim().ToLowerInvariant());
        }

        if (filter.Sources.Count > 0)
        {
            var any = new List<string>();
            for (var index = 0; index < filter.Sources.Count; index++)
            {
                var name = $"@src{index}";
                // ILIKE: SQLite's LIKE ignores ASCII case, and the two engines must agree.
                any.Add($"(i.site_name ILIKE {name} OR i.url ILIKE '%' || {name} || '%' OR i.source_path ILIKE '%' || {name} || '%')");
                command.With(name, filter.Sources[index]);
            }

            conditions.Add("(" + string.Join(" OR ", any) + ")");
        }

        var date = filter.ByItemDate ? "COALESCE(i.published_at, i.collected_at)" : "i.collected_at";
        if (filter.After is { } after)
        {
            conditions.Add($"{date} >= @after");
            command.With("after", PostgresTime.ToText(after));
        }

        if (filter.Before is { } before)
        {
            conditions.Add($"{date} < @before");
            command.With("before", PostgresTime.ToText(before));
        }

        if (filter.FavouriteOnly)
        {
            conditions.Add("i.favourite = 1");
        }

        if (filter.FailedOnly)
        {
            conditions.Add("i.error IS NOT NULL");
        }

        return conditions.Count == 0 ? Always : string.Join(" AND ", conditions);
    }

    /// <summary>The ORDER BY clause of a listing.</summary>
    public static string OrderBy(ItemOrder order) => order switch
    {
        ItemOrder.Oldest => "i.collected_at ASC, i.rowid ASC",
        ItemOrder.Title => "lower(COALESCE(i.title, i.source_path, i.url)) ASC, i.rowid DESC",
        ItemOrder.Longest => "i.word_count DESC, i.rowid DESC",
        _ => "i.collected_at DESC, i.rowid DESC",
    };

    private static void AddIn(List<string> conditions, NpgsqlCommand command, string column, IEnumerable<string> values, string prefix)
    {
        var names = new StringBuilder();
        var index = 0;
        foreach (var value in values)
        {
            var name = $"@{prefix}{index++}";
            names.Append(names.Length == 0 ? name : ", " + name);
            command.With(name, value);
        }

        if (index > 0)
        {
            conditions.Add($"{column} IN ({names})");
        }
    }
}
