using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Web.Components;

namespace Strata.Web.Endpoints;

/// <summary>The Tags page: taxonomy with counts, rename/merge, suggested merges, and the review inbox.</summary>
internal static class TagEndpoints
{
    public const int SuggestionsShown = 100;

    public static void MapTagPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tags", async (string? notice, KnowledgeBase kb, CancellationToken cancellationToken) => Pages.Render<TagsPage>(new
        {
            Tags = await kb.ListTagsAsync(cancellationToken),
            Merges = await kb.SuggestTagMergesAsync(cancellationToken),
            Suggestions = await kb.ListSuggestionsAsync(SuggestionsShown, cancellationToken),
            Notice = notice,
        }));

        app.MapPost("/tags/rename", async ([FromForm] RenameForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            string notice;
            try
            {
                var changed = await kb.RenameTagAsync(form.From ?? string.Empty, form.To ?? string.Empty, cancellationToken);
                notice = $"{form.From} → {form.To}: {changed} item(s)";
            }
            catch (ArgumentException exception)
            {
                notice = exception.Message.Split(" (Parameter", 2)[0];
            }

            return Results.LocalRedirect("/tags?notice=" + Uri.EscapeDataString(notice));
        });

        app.MapPost("/tags/review", async ([FromForm] ReviewForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var accept = form.Decision == "accept";
            var done = await kb.DecideSuggestionAsync(form.ItemId ?? string.Empty, form.Tag ?? string.Empty, accept, cancellationToken);
            return Results.LocalRedirect("/tags?notice=" + Uri.EscapeDataString(done ? $"{(accept ? "Accepted" : "Rejected")} {form.Tag}" : "That suggestion is gone"));
        });
    }

    internal sealed class RenameForm
    {
        public string? From { get; set; }

        public string? To { get; set; }
    }

    internal sealed class ReviewForm
    {
        public string? ItemId { get; set; }

        public string? Tag { get; set; }

        public string? Decision { get; set; }
    }
}
