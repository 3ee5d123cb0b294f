using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Items;
using Strata.Core.Summaries;
using Strata.Hosting;
using Strata.Web.Components;
using Strata.Web.Rendering;
using Strata.Web.Security;

namespace Strata.Web.Endpoints;

/// <summary>The Reader and what it changes: marks, tags, highlights, deletion; and the sandboxed original snapshot.</summary>
internal static class ReaderEndpoints
{
    public const int RelatedShown = 5;

    public static void MapReader(this IEndpointRouteBuilder app)
    {
        app.MapGet("/items/{id}", async (string id, string? notice, KnowledgeBase kb, CancellationToken cancellationToken) =>
            await kb.GetAsync(id, cancellationToken) is { } item
                ? (IResult)Pages.Render<ReaderPage>(new { View = await ViewAsync(kb, item, cancellationToken), Notice = notice })
                : Pages.Render<NotFoundPage>(new { What = $"No item has the id '{id}'." }, StatusCodes.Status404NotFound));

        // Related items search the whole base, so the reader shows first and fetches them afterwards.
        app.MapGet("/items/{id}/related", async (string id, KnowledgeBase kb, CancellationToken cancellationToken) =>
            await kb.RelatedAsync(id, RelatedShown, cancellationToken) is { } related
                ? (IResult)Pages.Render<RelatedList>(new { Related = related })
                : Results.NotFound());

        app.MapGet("/items/{id}/original", async (string id, KnowledgeBase kb, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await kb.ResolveIdAsync(id, cancellationToken) is not { } itemId || await kb.ReadOriginalAsync(itemId, cancellationToken) is not { } original)
            {
                return Results.NotFound();
            }

            // The snapshot is someone else's page: a sandbox gives it an opaque origin, so its scripts never run as Strata.
            context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.SandboxPolicy;
            var type = original.MediaType.StartsWith("text/", StringComparison.Ordinal) && !original.MediaType.Contains("charset", StringComparison.Ordinal)
                ? original.MediaType + "; charset=utf-8" : original.MediaType;
            return Results.Bytes(original.Bytes, type);
        });

        app.MapPost("/items/{id}/mark", async (string id, [FromForm] MarkForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            ItemStatus? status = Enum.TryParse<ItemStatus>(form.Status, ignoreCase: true, out var parsed) ? parsed : null;
            bool? favourite = bool.TryParse(form.Favourite, out var fav) ? fav : null;
            return await kb.MarkAsync(id, status, favourite, cancellationToken) ? Back(id, status is null ? (favourite == true ? "Favourite" : "Not a favourite") : $"Moved to {status.ToString()!.ToLowerInvariant()}") : Results.NotFound();
        });

        app.MapPost("/items/{id}/tags", async (string id, [FromForm] TagForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(form.Tag) ? Back(id, "A tag needs a name")
            : await kb.TagAsync(id, [form.Tag], [], cancellationToken) is null ? Results.NotFound() : Back(id, $"Tagged {form.Tag.Trim()}"));

        app.MapPost("/items/{id}/tags/remove", async (string id, [FromForm] TagForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(form.Tag) ? Back(id, null)
            : await kb.TagAsync(id, [], [form.Tag], cancellationToken) is null ? Results.NotFound() : Back(id, $"Removed {form.Tag}"));

        app.MapPost("/items/{id}/highlights", async (string id, [FromForm] HighlightForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            try
            {
                return await kb.HighlightAsync(id, form.Text ?? string.Empty, form.Note, form.Start, cancellationToken) is null ? Results.NotFound() : Back(id, "Highlight saved");
            }
            catch (ArgumentException exception)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: exception.Message.Split(" (Parameter", 2)[0]);
            }
        });

        app.MapPost("/highlights/{highlightId}/delete", async (string highlightId, [FromForm] ItemForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            await kb.DeleteHighlightAsync(highlightId, cancellationToken);
            return form.ItemId is { Length: > 0 } itemId ? Back(itemId, "Highlight removed") : Results.LocalRedirect("/");
        });

        app.MapPost("/items/{id}/delete", async (string id, [FromForm] ItemForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
            await kb.DeleteAsync(id, purge: false, cancellationToken) is { } deleted
                ? Results.LocalRedirect("/?notice=" + Uri.EscapeDataString($"Deleted “{deleted.Item.DisplayTitle}”"))
                : Results.NotFound());
    }

    private static async Task<ReaderView> ViewAsync(KnowledgeBase kb, Item item, CancellationToken cancellationToken)
    {
        // Opening counts as reading for resurfacing: digests leave recently opened items alone.
        await kb.MarkOpenedAsync(item.Id, cancellationToken);
        var summaries = await kb.GetSummariesAsync(item.Id, cancellationToken);
        var summary = summaries.FirstOrDefault(candidate => candidate.Method == SummaryMethods.Abstractive) ?? summaries.FirstOrDefault();
        var highlights = await kb.ListHighlightsAsync(item.Id, cancellationToken);
        return new ReaderView(item, ArticleHtml.Render(item.Text), summary, highlights, item.ContentHash is not null);
    }

    private static IResult Back(string id, string? notice) =>
        Results.LocalRedirect($"/items/{Uri.EscapeDataString(id)}" + (notice is null ? "" : "?notice=" + Uri.EscapeDataString(notice)));

    internal sealed class MarkForm
    {
        public string? Status { get; set; }

        public string? Favourite { get; set; }
    }

    internal sealed class TagForm
    {
        public string? Tag { get; set; }
    }

    internal sealed class HighlightForm
    {
        public string? Text { get; set; }

        public string? Note { get; set; }

        public int? Start { get; set; }
    }

    internal sealed class ItemForm
    {
        public string? ItemId { get; set; }
    }
}
