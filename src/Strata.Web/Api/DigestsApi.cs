using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Digests;
using Strata.Hosting;

namespace Strata.Web.Api;

/// <summary><c>/api/v1/digests</c>: stored digests and making a new one.</summary>
internal static class DigestsApi
{
    public static void MapDigestsApi(this RouteGroupBuilder api)
    {
        var digests = api.MapGroup("/digests").WithTags("Digests");
        digests.MapGet("/", ListAsync).WithName("ListDigests").WithSummary("Stored digests, newest first (limit 1-200, default 50)");
        digests.MapGet("/{id}", GetAsync).WithName("GetDigest").WithSummary("One stored digest with its Markdown and HTML");
        digests.MapPost("/", CreateAsync).WithName("CreateDigest")
            .WithSummary("Make a digest of what was collected since a time (default 1d), optionally for one tag; stored unless store=false");
    }

    private static async Task<Results<Ok<DigestSummaryDto[]>, ProblemHttpResult>> ListAsync(KnowledgeBase kb, int? limit, CancellationToken cancellationToken)
    {
        var (pageLimit, _) = ApiQuery.Page(limit, 0);
        return TypedResults.Ok((await kb.ListDigestsAsync(pageLimit, cancellationToken)).Select(digest => new DigestSummaryDto(
            digest.Id, digest.CreatedAt, digest.WindowStart, digest.WindowEnd, digest.Tag, digest.ItemIds.Count, digest.TopStoryIds.Count, digest.DeliveredTo)).ToArray());
    }

    private static async Task<Results<Ok<DigestDto>, ProblemHttpResult>> GetAsync(string id, KnowledgeBase kb, CancellationToken cancellationToken) =>
        await kb.GetDigestAsync(id, cancellationToken) is { } digest ? TypedResults.Ok(From(digest)) : ApiProblems.NotFound("digest", id);

    private static async Task<Results<Created<DigestDto>, Ok<DigestDto>, ProblemHttpResult>> CreateAsync(CreateDigestRequest request, KnowledgeBase kb, TimeProvider time, CancellationToken cancellationToken)
    {
        var since = ApiQuery.Since(string.IsNullOrWhiteSpace(request.Since) ? "1d" : request.Since, time.GetUtcNow());
        var made = await kb.CreateDigestAsync(since, string.IsNullOrWhiteSpace(request.Tag) ? null : request.Tag.Trim(), request.Store, send: false, cancellationToken);
        if (made.Stored is { } stored)
        {
            return TypedResults.Created($"{ApiEndpoints.Prefix}/digests/{stored.Id}", From(stored));
        }

        var digest = made.Digest;
        return TypedResults.Ok(new DigestDto(null, null, digest.WindowStart, digest.WindowEnd, digest.Tag,
            [.. digest.Groups.SelectMany(group => group.Entries).Select(entry => entry.ItemId)], [.. digest.TopStories.Select(entry => entry.ItemId)],
            made.Markdown, made.Html, null));
    }

    private static DigestDto From(StoredDigest digest) => new(
        digest.Id, digest.CreatedAt, digest.WindowStart, digest.WindowEnd, digest.Tag, digest.ItemIds, digest.TopStoryIds, digest.Markdown, digest.Html, digest.DeliveredTo);
}
