using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Memory;
using Strata.Hosting;
using Strata.Web.Components;

namespace Strata.Web.Endpoints;

/// <summary>The Review page (show, reveal, grade with the next intervals shown) and the Progress page; cards from highlights.</summary>
internal static class ReviewEndpoints
{
    public static void MapReviewPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/review", async (string? card, string? tag, int? reveal, string? notice, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim();
            var prompt = await kb.NextReviewAsync(tag, cancellationToken);
            // Revealing keeps showing the card the user was looking at, even if another came due meanwhile.
            if (card is not null && reveal == 1 && prompt?.Card.Id != card && await kb.GetCardAsync(card, cancellationToken) is { } shown)
            {
                prompt = await kb.PromptForAsync(shown, prompt?.Due ?? 1, cancellationToken);
            }

            return Pages.Render<ReviewPage>(new { Prompt = prompt, Reveal = reveal == 1 && prompt is not null, Tag = tag, Notice = notice });
        });

        app.MapPost("/review/{id}", async (string id, [FromForm] GradeForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            if (!Enum.IsDefined((ReviewRating)form.Rating))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)");
            }

            var scheduled = await kb.GradeCardAsync(id, (ReviewRating)form.Rating, cancellationToken);
            if (scheduled is null)
            {
                return Results.NotFound();
            }

            var query = (string.IsNullOrEmpty(form.Tag) ? "" : "tag=" + Uri.EscapeDataString(form.Tag) + "&") + "notice=" + Uri.EscapeDataString($"{scheduled.Rating}: again in {IntervalText.Describe(scheduled.Interval)}");
            return Results.LocalRedirect("/review?" + query);
        });

        app.MapGet("/progress", async (KnowledgeBase kb, CancellationToken cancellationToken) =>
            Pages.Render<ProgressPage>(new { Report = await kb.GetProgressAsync(cancellationToken) }));

        app.MapPost("/highlights/{highlightId}/card", async (string highlightId, [FromForm] HighlightCardForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var highlight = (await kb.ListHighlightsAsync(form.ItemId ?? string.Empty, cancellationToken)).FirstOrDefault(candidate => candidate.Id == highlightId);
            if (highlight is null)
            {
                return Results.NotFound();
            }

            await kb.AddCardFromHighlightAsync(highlight.ItemId, highlight.Text, highlight.Note, highlight.Start, cancellationToken);
            return Results.LocalRedirect($"/items/{Uri.EscapeDataString(highlight.ItemId)}?notice=" + Uri.EscapeDataString("Card made: it comes up in Review"));
        });
    }

    internal sealed class GradeForm
    {
        public int Rating { get; set; }

        public string? Tag { get; set; }
    }

    internal sealed class HighlightCardForm
    {
        public string? ItemId { get; set; }
    }
}
