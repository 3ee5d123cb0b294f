using System.Globalization;
using Microsoft.AspNetCore.Http;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Web.Components;

/// <summary>The Library's filters as they appear in its URL, and the store filter they mean.</summary>
public sealed record LibraryQuery
{
    public const int PageSize = 50;

    public static readonly string[] Views = ["inbox", "read", "archived", "favourites", "all"];

    public string View { get; init; } = "inbox";

    public string? Tag { get; init; }

    public string? Category { get; init; }

    public string? Source { get; init; }

    public string? Kind { get; init; }

    public string? Language { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string Sort { get; init; } = "newest";

    public int Page { get; init; } = 1;

    public static LibraryQuery Parse(IQueryCollection query) => new()
    {
        View = Views.Contains(query["view"].ToString()) ? query["view"].ToString() : "inbox",
        Tag = Value(query, "tag"),
        Category = Value(query, "category"),
        Source = Value(query, "source"),
        Kind = Value(query, "kind"),
        Language = Value(query, "lang"),
        From = Value(query, "from"),
        To = Value(query, "to"),
        Sort = Value(query, "sort") ?? "newest",
        Page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var page) && page > 0 ? Math.Min(page, 10_000) : 1,
    };

    /// <summary>The store filter; unknown values (a mistyped kind, a bad date) are ignored rather than failing the page.</summary>
    public ItemFilter ToFilter() => new()
    {
        Statuses = View switch
        {
            "inbox" => [ItemStatus.Inbox],
            "read" => [ItemStatus.Read],
            "archived" => [ItemStatus.Archived],
            _ => [],
        },
        FavouriteOnly = View == "favourites",
        Tags = Tag is null ? [] : [Tag],
        Categories = Category is null ? [] : [Category],
        Sources = Source is null ? [] : [Source],
        Kinds = Enum.TryParse<ItemKind>(Kind, ignoreCase: true, out var kind) ? [kind] : [],
        Languages = Language is null ? [] : [Language],
        After = ParseDate(From),
        Before = ParseDate(To)?.AddDays(1),
        Order = Enum.TryParse<ItemOrder>(Sort, ignoreCase: true, out var order) ? order : ItemOrder.Newest,
        // One more than a page tells whether a next page exists.
        Limit = PageSize + 1,
        Offset = (Page - 1) * PageSize,
    };

    /// <summary>This query's URL with some values changed (null removes one).</summary>
    public string Url(string? view = null, int? page = null, string? tag = null, bool clearTag = false)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("view", view ?? View), new("tag", clearTag ? null : tag ?? Tag), new("category", Category), new("source", Source), new("kind", Kind),
            new("lang", Language), new("from", From), new("to", To), new("sort", Sort == "newest" ? null : Sort),
            new("page", (page ?? Page) > 1 ? (page ?? Page).ToString(CultureInfo.InvariantCulture) : null),
        };
        return "/" + QueryString.Create(pairs.Where(pair => !string.IsNullOrEmpty(pair.Value)));
    }

    private static string? Value(IQueryCollection query, string key) => query[key].ToString() is { Length: > 0 and <= 200 } value ? value.Trim() : null;

    private static DateTimeOffset? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
