using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting;

namespace Strata.Web.Api;

/// <summary><c>/api/v1/items</c>: list with filters and pages, read one in full, change status, delete.</summary>
internal static class ItemsApi
{
    public static void MapItemsApi(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/items").WithTags("Items");

        items.MapGet("/", ListAsync).WithName("ListItems")
            .WithSummary("List items, newest first, with filters")
            .WithDescription("Filters: status (inbox, read, archived), tag (repeat or comma-separate; all must match), kind, category, source, lang, favourite, after/before (dates), order (newest, oldest, title, longest). Page with limit (1-200, default 50) and offset; nextOffset is null on the last page.");
        items.MapGet("/{id}", GetAsync).WithName("GetItem").WithSummary("One item with its text, summary, tags (with origins) and highlights");
        items.MapPatch("/{id}", UpdateAsync).WithName("UpdateItem").WithSummary("Set an item's status (inbox, read, archived) and/or favourite mark");
        items.MapDelete("/{id}", DeleteAsync).WithName("DeleteItem").WithSummary("Delete an item (its original bytes stay unless purge=true)");
        items.MapAddItemApi();
        items.MapItemTagsApi();
    }

    private static async Task<Results<Ok<ItemPageDto>, ProblemHttpResult>> ListAsync(
        KnowledgeBase kb, string[]? status, string[]? tag, string[]? kind, string[]? category, string[]? source, string[]? lang,
        bool? favourite, DateTimeOffset? after, DateTimeOffset? before, string? order, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var (pageLimit, pageOffset) = ApiQuery.Page(limit, offset);
        var filter = new ItemFilter
        {
            Statuses = ApiQuery.Enums<ItemStatus>(status, "status"),
            Tags = ApiQuery.List(tag),
            Kinds = ApiQuery.Enums<ItemKind>(kind, "kind"),
            Categories = ApiQuery.List(category),
            Sources = ApiQuery.List(source),
            Languages = ApiQuery.List(lang),
            FavouriteOnly = favourite == true,
            After = after,
            Before = before,
            Order = order is null ? ItemOrder.Newest : ApiQuery.Enum<ItemOrder>(order, "order"),
            // One more than the page tells whether another page follows without counting the whole base.
            Limit = pageLimit + 1,
            Offset = pageOffset,
        };
        var found = await kb.ListAsync(filter, cancellationToken);
        var page = found.Take(pageLimit).Select(ItemSummaryDto.From).ToArray();
        return TypedResults.Ok(new ItemPageDto(page, pageOffset, pageLimit, found.Count > pageLimit ? pageOffset + pageLimit : null));
    }

    private static async Task<Results<Ok<ItemDto>, ProblemHttpResult>> GetAsync(string id, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (await kb.GetAsync(id, cancellationToken) is not { } item)
        {
            return ApiProblems.NotFound("item", id);
        }

        var summary = (await kb.GetSummariesAsync(item.Id, cancellationToken)).OrderByDescending(candidate => candidate.CreatedAt).FirstOrDefault();
        var highlights = await kb.ListHighlightsAsync(item.Id, cancellationToken);
        return TypedResults.Ok(new ItemDto(
            item.Id, item.Kind, item.State, item.Status, item.Favourite, item.DisplayTitle, item.Url, item.SiteName, item.Byline,
            item.Language, item.CollectedAt, item.PublishedAt, item.WordCount, item.ReadingMinutes, item.MediaType, item.Category,
            [.. item.Tags.Select(ItemTagDto.From)],
            summary is null ? null : new SummaryDto(summary.Method, summary.Model, summary.Text, summary.KeyPoints, summary.CreatedAt),
            [.. highlights.Select(HighlightDto.From)], item.Text, item.Error));
    }

    private static async Task<Results<Ok<ItemSummaryDto>, ProblemHttpResult>> UpdateAsync(string id, UpdateItemRequest request, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        ItemStatus? status = request.Status is null ? null : ApiQuery.Enum<ItemStatus>(request.Status, "status");
        if (status is null && request.Favourite is null)
        {
            return ApiProblems.BadRequest("give 'status' (inbox, read, archived) and/or 'favourite' (true or false)");
        }

        if (!await kb.MarkAsync(id, status, request.Favourite, cancellationToken) || await kb.GetAsync(id, cancellationToken) is not { } item)
        {
            return ApiProblems.NotFound("item", id);
        }

        return TypedResults.Ok(ItemSummaryDto.From(new ItemSummary(
            item.Id, item.Kind, item.State, item.DisplayTitle, item.Url, item.SourcePath, item.SiteName, item.Language, item.CollectedAt, item.PublishedAt,
            item.WordCount, [.. item.Tags.Select(tag => tag.Name)], item.Error, item.Status, item.Favourite, item.Category)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, KnowledgeBase kb, bool? purge, CancellationToken cancellationToken) =>
        await kb.DeleteAsync(id, purge == true, cancellationToken) is null ? ApiProblems.NotFound("item", id) : TypedResults.NoContent();
}
