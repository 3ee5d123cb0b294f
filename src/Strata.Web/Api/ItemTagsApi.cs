using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;

namespace Strata.Web.Api;

/// <summary><c>/api/v1/items/{id}/tags</c> and <c>/highlights</c>: the user's own marks on an item.</summary>
internal static class ItemTagsApi
{
    public static void MapItemTagsApi(this RouteGroupBuilder items)
    {
        items.MapPost("/{id}/tags", AddTagsAsync).WithName("AddItemTags").WithSummary("Add tags to an item (as the user's own); returns all its tags");
        items.MapDelete("/{id}/tags/{**tag}", RemoveTagAsync).WithName("RemoveItemTag").WithSummary("Remove a tag (e.g. ai/llm) from an item; returns the tags left");
        items.MapGet("/{id}/highlights", ListHighlightsAsync).WithName("ListHighlights").WithSummary("An item's highlights, in the order they were made");
        items.MapPost("/{id}/highlights", AddHighlightAsync).WithName("AddHighlight").WithSummary("Highlight a passage of an item, with an optional note");
        items.MapDelete("/{id}/highlights/{highlightId}", DeleteHighlightAsync).WithName("DeleteHighlight").WithSummary("Delete a highlight");
    }

    private static async Task<Results<Ok<IReadOnlyList<ItemTagDto>>, ProblemHttpResult>> AddTagsAsync(string id, AddTagsRequest request, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var tags = ApiQuery.List([.. request.Tags ?? []]);
        if (tags.Count == 0)
        {
            return ApiProblems.BadRequest("give 'tags': a list of one or more tag names");
        }

        return await kb.TagAsync(id, tags, [], cancellationToken) is { } now
            ? TypedResults.Ok<IReadOnlyList<ItemTagDto>>([.. now.Select(ItemTagDto.From)])
            : ApiProblems.NotFound("item", id);
    }

    private static async Task<Results<Ok<IReadOnlyList<ItemTagDto>>, ProblemHttpResult>> RemoveTagAsync(string id, string tag, KnowledgeBase kb, CancellationToken cancellationToken) =>
        await kb.TagAsync(id, [], [tag], cancellationToken) is { } now
            ? TypedResults.Ok<IReadOnlyList<ItemTagDto>>([.. now.Select(ItemTagDto.From)])
            : ApiProblems.NotFound("item", id);

    private static async Task<Results<Ok<IReadOnlyList<HighlightDto>>, ProblemHttpResult>> ListHighlightsAsync(string id, KnowledgeBase kb, CancellationToken cancellationToken) =>
        await kb.ResolveIdAsync(id, cancellationToken) is { } itemId
            ? TypedResults.Ok<IReadOnlyList<HighlightDto>>([.. (await kb.ListHighlightsAsync(itemId, cancellationToken)).Select(HighlightDto.From)])
            : ApiProblems.NotFound("item", id);

    private static async Task<Results<Created<HighlightDto>, ProblemHttpResult>> AddHighlightAsync(string id, AddHighlightRequest request, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return ApiProblems.BadRequest("give 'text': the highlighted passage");
        }

        return await kb.HighlightAsync(id, request.Text, request.Note, request.Start, cancellationToken) is { } highlight
            ? TypedResults.Created($"{ApiEndpoints.Prefix}/items/{highlight.ItemId}/highlights", HighlightDto.From(highlight))
            : ApiProblems.NotFound("item", id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteHighlightAsync(string id, string highlightId, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var itemId = await kb.ResolveIdAsync(id, cancellationToken);
        if (itemId is null || !(await kb.ListHighlightsAsync(itemId, cancellationToken)).Any(highlight => highlight.Id == highlightId))
        {
            return ApiProblems.NotFound("highlight", highlightId);
        }

        await kb.DeleteHighlightAsync(highlightId, cancellationToken);
        return TypedResults.NoContent();
    }
}
