using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Items;
using Strata.Hosting;
using Strata.Web.Components;
using Strata.Web.Rendering;

namespace Strata.Web.Endpoints;

/// <summary>The Library page and its bulk actions.</summary>
internal static class LibraryEndpoints
{
    public static void MapLibrary(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext context, KnowledgeBase kb, TagListCache tagList, CancellationToken cancellationToken) =>
        {
            var query = LibraryQuery.Parse(context.Request.Query);
            var items = await kb.ListAsync(query.ToFilter(), cancellationToken);
            var tags = await tagList.GetAsync(cancellationToken);
            var categories = (await kb.ListCategoryDescriptionsAsync(cancellationToken)).Select(category => category.Name).ToArray();
            var view = new LibraryView(items.Take(LibraryQuery.PageSize).ToArray(), query, items.Count > LibraryQuery.PageSize, tags, categories);
            return Pages.Render<LibraryPage>(new { View = view, Notice = context.Request.Query["notice"].ToString() });
        });

        app.MapPost("/items/bulk", async ([FromForm] BulkAction form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var ids = form.Ids ?? [];
            var done = 0;
            foreach (var id in ids.Take(1000))
            {
                if (await ApplyAsync(kb, id, form.Action, form.Tag, cancellationToken))
                {
                    done++;
                }
            }

            var notice = $"{form.Action}: {done} of {ids.Length} item(s)";
            var back = Pages.IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
            return Results.LocalRedirect(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=" + Uri.EscapeDataString(notice));
        });
    }

    private static async Task<bool> ApplyAsync(KnowledgeBase kb, string id, string? action, string? tag, CancellationToken cancellationToken) => action switch
    {
        "read" => await kb.MarkAsync(id, ItemStatus.Read, null, cancellationToken),
        "archive" => await kb.MarkAsync(id, ItemStatus.Archived, null, cancellationToken),
        "inbox" => await kb.MarkAsync(id, ItemStatus.Inbox, null, cancellationToken),
        "favourite" => await kb.MarkAsync(id, null, true, cancellationToken),
        "unfavourite" => await kb.MarkAsync(id, null, false, cancellationToken),
        "tag" when !string.IsNullOrWhiteSpace(tag) => await kb.TagAsync(id, [tag], [], cancellationToken) is not null,
        "untag" when !string.IsNullOrWhiteSpace(tag) => await kb.TagAsync(id, [], [tag], cancellationToken) is not null,
        "delete" => await kb.DeleteAsync(id, purge: false, cancellationToken) is not null,
        _ => false,
    };

    internal sealed class BulkAction
    {
        public string[]? Ids { get; set; }

        public string? Action { get; set; }

        public string? Tag { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
