using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;

namespace Strata.Web.Api;

/// <summary><c>/api/v1/tags</c>: the taxonomy with counts, renaming and merging.</summary>
internal static class TagsApi
{
    public static void MapTagsApi(this RouteGroupBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags");
        tags.MapGet("/", ListAsync).WithName("ListTags").WithSummary("Every tag with how many items carry it, by the user and by machine");
        tags.MapPost("/rename", RenameAsync).WithName("RenameTag").WithSummary("Rename a tag (and its children) on every item and in rules");
        tags.MapPost("/merge", MergeAsync).WithName("MergeTags").WithSummary("Merge tags into one");
    }

    private static async Task<Ok<TagDto[]>> ListAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        TypedResults.Ok((await kb.ListTagsAsync(cancellationToken)).Select(tag => new TagDto(tag.Tag, tag.Items, tag.ByUser, tag.ByMachine)).ToArray());

    private static async Task<Results<Ok<TagChangeDto>, ProblemHttpResult>> RenameAsync(RenameTagRequest request, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.From) || string.IsNullOrWhiteSpace(request.To))
        {
            return ApiProblems.BadRequest("give 'from' and 'to' tag names");
        }

        if (!(await kb.ListTagsAsync(cancellationToken)).Any(tag => string.Equals(tag.Tag, request.From.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return ApiProblems.NotFound("tag", request.From);
        }

        return TypedResults.Ok(new TagChangeDto(await kb.RenameTagAsync(request.From, request.To, cancellationToken)));
    }

    private static async Task<Results<Ok<TagChangeDto>, ProblemHttpResult>> MergeAsync(MergeTagsRequest request, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var from = ApiQuery.List([.. request.From ?? []]);
        if (from.Count == 0 || string.IsNullOrWhiteSpace(request.Into))
        {
            return ApiProblems.BadRequest("give 'from' (a list of tags) and 'into' (the tag they become)");
        }

        var changed = 0;
        foreach (var tag in from.Where(tag => !string.Equals(tag, request.Into.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            changed += await kb.RenameTagAsync(tag, request.Into, cancellationToken);
        }

        return TypedResults.Ok(new TagChangeDto(changed));
    }
}
