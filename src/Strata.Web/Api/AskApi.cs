using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Web.Rendering;

namespace Strata.Web.Api;

/// <summary><c>POST /api/v1/ask</c>: an answer from the base with numbered citations.</summary>
internal static class AskApi
{
    /// <summary>Longest question accepted (a question, not a document).</summary>
    public const int MaxQuestionChars = 2_000;

    public static void MapAskApi(this RouteGroupBuilder api) =>
        api.MapPost("/ask", AskAsync).WithTags("Ask").WithName("Ask")
            .WithSummary("Answer a question from the base with citations (a chat model when configured, else the best passages)");

    private static async Task<Results<Ok<AskResponse>, ProblemHttpResult>> AskAsync(AskRequest request, KnowledgeBase kb, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Question) || request.Question.Length > MaxQuestionChars)
        {
            return ApiProblems.BadRequest($"give a 'question' of 1 to {MaxQuestionChars} characters");
        }

        DateTimeOffset? since = string.IsNullOrWhiteSpace(request.Since) ? null : ApiQuery.Since(request.Since, time.GetUtcNow());
        var answer = await kb.AskAsync(request.Question.Trim(), ApiQuery.List([.. request.Tags ?? []]), since, cancellationToken);
        return TypedResults.Ok(new AskResponse(
            answer.Question, char.ToLowerInvariant(answer.Kind.ToString()[0]) + answer.Kind.ToString()[1..], SnippetText.Plain(answer.Text), SnippetText.Html(answer.Text),
            answer.Model, answer.Notice,
            [.. answer.Citations.Select(citation => new CitationDto(citation.Number, citation.ItemId, citation.Title, citation.Url, citation.Page, citation.Start, citation.Length, SnippetText.Plain(citation.Passage), citation.Cited))]));
    }
}
