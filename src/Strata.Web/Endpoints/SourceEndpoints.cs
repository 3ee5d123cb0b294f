using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Sources;
using Strata.Hosting;
using Strata.Web.Components;

namespace Strata.Web.Endpoints;

/// <summary>The Sources page: health at a glance, add, pause/resume, run now, remove.</summary>
internal static class SourceEndpoints
{
    public static void MapSourcePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sources", async (string? notice, KnowledgeBase kb, CancellationToken cancellationToken) => await PageAsync(kb, notice, null, cancellationToken));

        app.MapPost("/sources", async ([FromForm] SourceForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            try
            {
                if (!Enum.TryParse<SourceType>(form.Type, ignoreCase: true, out var type))
                {
                    throw new SourceException($"unknown source type '{form.Type}'");
                }

                var schedule = string.IsNullOrWhiteSpace(form.Every) ? null : SourceSchedule.Interval(SourceSchedule.ParseInterval(form.Every.Trim()));
                var request = new SourceRequest
                {
                    Name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim(),
                    Schedule = schedule,
                    Tags = (form.Tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                };
                var (source, created) = await kb.AddSourceAsync(type, (form.Target ?? string.Empty).Trim(), request, cancellationToken);
                return Results.LocalRedirect("/sources?notice=" + Uri.EscapeDataString(created ? $"Added {source.DisplayName}" : $"{source.DisplayName} was already a source"));
            }
            catch (Exception exception) when (exception is SourceException or FormatException)
            {
                return await PageAsync(kb, null, exception.Message, cancellationToken, StatusCodes.Status422UnprocessableEntity);
            }
        });

        app.MapPost("/sources/{id}/action", async (string id, [FromForm] ActionForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            string notice;
            switch (form.Action)
            {
                case "pause" or "resume":
                    notice = await kb.SetPausedAsync(id, form.Action == "pause", cancellationToken) is { } paused ? $"{paused.DisplayName}: {form.Action}d" : "No such source";
                    break;
                case "remove":
                    notice = await kb.RemoveSourceAsync(id, cancellationToken) is { } removed ? $"Removed {removed.DisplayName} (its items stay)" : "No such source";
                    break;
                case "run":
                    var run = await kb.RunSourceAsync(id, cancellationToken);
                    notice = run is null ? "No such source"
                        : run.Value.Outcome.Error is { } error ? $"{run.Value.Source.DisplayName} failed: {error}"
                        : $"{run.Value.Source.DisplayName}: {run.Value.Outcome.New} new, {run.Value.Outcome.Updated} updated, {run.Value.Outcome.Unchanged} unchanged";
                    break;
                default:
                    return Results.BadRequest();
            }

            return Results.LocalRedirect("/sources?notice=" + Uri.EscapeDataString(notice));
        });
    }

    private static async Task<IResult> PageAsync(KnowledgeBase kb, string? notice, string? error, CancellationToken cancellationToken, int status = StatusCodes.Status200OK) =>
        Pages.Render<SourcesPage>(new { Sources = await kb.ListSourcesAsync(cancellationToken), Notice = notice, Error = error }, status);

    internal sealed class SourceForm
    {
        public string? Type { get; set; }

        public string? Target { get; set; }

        public string? Name { get; set; }

        public string? Every { get; set; }

        public string? Tags { get; set; }
    }

    internal sealed class ActionForm
    {
        public string? Action { get; set; }
    }
}
