using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Sources;
using Strata.Hosting;

namespace Strata.Web.Api;

/// <summary><c>/api/v1/sources</c>: list with health, add, run now, pause and resume, remove.</summary>
internal static class SourcesApi
{
    public static void MapSourcesApi(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("/", ListAsync).WithName("ListSources").WithSummary("Every source with its health (ok, failing, paused, new), last run and last error");
        sources.MapGet("/{id}", GetAsync).WithName("GetSource").WithSummary("One source");
        sources.MapPost("/", AddAsync).WithName("AddSource")
            .WithSummary("Add a feed, page or arXiv source (folders only from the CLI); a site's home page finds its feed")
            .WithDescription("Answers 201 when created, 200 with the existing source when the same one is already there.");
        sources.MapPost("/{id}/run", RunAsync).WithName("RunSource").WithSummary("Collect from a source now and process what it brought");
        sources.MapPost("/{id}/pause", (string id, KnowledgeBase kb, CancellationToken cancellationToken) => SetPausedAsync(id, true, kb, cancellationToken))
            .WithName("PauseSource").WithSummary("Pause a source (no scheduled runs until resumed)");
        sources.MapPost("/{id}/resume", (string id, KnowledgeBase kb, CancellationToken cancellationToken) => SetPausedAsync(id, false, kb, cancellationToken))
            .WithName("ResumeSource").WithSummary("Resume a paused source");
        sources.MapDelete("/{id}", DeleteAsync).WithName("DeleteSource").WithSummary("Remove a source (the items it brought stay)");
    }

    private static async Task<Ok<SourceDto[]>> ListAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        TypedResults.Ok((await kb.ListSourcesAsync(cancellationToken)).Select(SourceDto.From).ToArray());

    private static async Task<Results<Ok<SourceDto>, ProblemHttpResult>> GetAsync(string id, KnowledgeBase kb, CancellationToken cancellationToken) =>
        await kb.GetSourceAsync(id, cancellationToken) is { } source ? TypedResults.Ok(SourceDto.From(source)) : ApiProblems.NotFound("source", id);

    private static async Task<Results<Created<SourceDto>, Ok<SourceDto>, ProblemHttpResult>> AddAsync(AddSourceRequest request, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Type) || string.IsNullOrWhiteSpace(request.Target))
        {
            return ApiProblems.BadRequest("give 'type' (feed, page or arxiv) and 'target' (a URL, or an arXiv query)");
        }

        var type = ApiQuery.Enum<SourceType>(request.Type, "type");
        if (type == SourceType.Folder)
        {
            // A folder source reads the server's disk: only its owner at the command line may add one.
            return ApiProblems.BadRequest("folder sources can only be added with 'strata source add folder <path>' on the server");
        }

        if (request.Every is not null && request.Cron is not null)
        {
            return ApiProblems.BadRequest("give 'every' or 'cron', not both");
        }

        var schedule = request.Every is { } every ? SourceSchedule.Interval(SourceSchedule.ParseInterval(every))
            : request.Cron is { } cron ? SourceSchedule.FromCron(cron) : null;
        var (source, created) = await kb.AddSourceAsync(type, request.Target, new SourceRequest
        {
            Name = request.Name,
            Tags = request.Tags ?? [],
            Category = request.Category,
            Schedule = schedule,
        }, cancellationToken);
        return created ? TypedResults.Created($"{ApiEndpoints.Prefix}/sources/{source.Id}", SourceDto.From(source)) : TypedResults.Ok(SourceDto.From(source));
    }

    private static async Task<Results<Ok<SourceRunDto>, ProblemHttpResult>> RunAsync(string id, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (await kb.RunSourceAsync(id, cancellationToken) is not { } run)
        {
            return ApiProblems.NotFound("source", id);
        }

        var outcome = run.Outcome;
        return TypedResults.Ok(new SourceRunDto(SourceDto.From(run.Source), outcome.Succeeded, outcome.New, outcome.Updated, outcome.Unchanged, outcome.Failed,
            Math.Round(outcome.Duration.TotalSeconds, 3), outcome.Error));
    }

    private static async Task<Results<Ok<SourceDto>, ProblemHttpResult>> SetPausedAsync(string id, bool paused, KnowledgeBase kb, CancellationToken cancellationToken) =>
        await kb.SetPausedAsync(id, paused, cancellationToken) is { } source ? TypedResults.Ok(SourceDto.From(source)) : ApiProblems.NotFound("source", id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, KnowledgeBase kb, CancellationToken cancellationToken) =>
        await kb.RemoveSourceAsync(id, cancellationToken) is null ? ApiProblems.NotFound("source", id) : TypedResults.NoContent();
}
