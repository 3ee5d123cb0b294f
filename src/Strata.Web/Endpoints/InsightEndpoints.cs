using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Sources;
using Strata.Hosting;
using Strata.Hosting.Usage;
using Strata.Web.Components;

namespace Strata.Web.Endpoints;

/// <summary>Digests, Ask, Usage and Stats: the pages that look across the whole base.</summary>
internal static class InsightEndpoints
{
    public const int DigestsListed = 50;
    public const int SourcesListed = 15;
    public const int EpisodesListed = 10;

    public static void MapInsightPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/digests", async (string? notice, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var digests = await kb.ListDigestsAsync(DigestsListed, cancellationToken);
            var episodes = await kb.ListAudioEpisodesAsync(EpisodesListed, cancellationToken);
            return Pages.Render<DigestsPage>(new { Digests = digests, Current = digests.FirstOrDefault(), Episodes = episodes, Notice = notice });
        });

        app.MapGet("/digests/{id}", async (string id, KnowledgeBase kb, CancellationToken cancellationToken) =>
            await kb.GetDigestAsync(id, cancellationToken) is { } digest
                ? (IResult)Pages.Render<DigestsPage>(new { Digests = await kb.ListDigestsAsync(DigestsListed, cancellationToken), Current = digest })
                : Pages.Render<NotFoundPage>(new { What = $"No digest has the id '{id}'." }, StatusCodes.Status404NotFound));

        app.MapPost("/digests", async ([FromForm] DigestForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            TimeSpan window;
            try
            {
                window = SourceSchedule.ParseInterval(form.Since ?? "24h");
            }
            catch (FormatException exception)
            {
                return Results.LocalRedirect("/digests?notice=" + Uri.EscapeDataString(exception.Message));
            }

            var result = await kb.CreateDigestAsync(kb.Now - window, string.IsNullOrWhiteSpace(form.Tag) ? null : form.Tag.Trim(), store: true, send: false, cancellationToken);
            return result.Stored is { } stored ? Results.LocalRedirect($"/digests/{stored.Id}") : Results.LocalRedirect("/digests?notice=" + Uri.EscapeDataString("Nothing arrived in that window"));
        });

        app.MapGet("/ask", async (string? q, string? tag, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var question = q?.Trim();
            var answer = string.IsNullOrEmpty(question) ? null
                : await kb.AskAsync(question, string.IsNullOrWhiteSpace(tag) ? [] : [tag.Trim()], null, cancellationToken);
            return Pages.Render<AskPage>(new { Question = question, Tag = tag, Answer = answer });
        });

        app.MapGet("/usage", async (string? by, int? days, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var grouping = Enum.TryParse<UsageGrouping>(by, ignoreCase: true, out var parsed) ? parsed : UsageGrouping.Purpose;
            var window = Math.Clamp(days ?? 30, 1, 3660);
            return Pages.Render<UsagePage>(new { Report = await kb.GetUsageAsync(kb.Now.AddDays(-window), grouping, cancellationToken), Days = window });
        });

        app.MapGet("/stats", async (int? days, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var window = Math.Clamp(days ?? 30, 7, 365);
            var today = DateOnly.FromDateTime(kb.Now.UtcDateTime);
            return Pages.Render<StatsPage>(new
            {
                Statistics = await kb.StatisticsAsync(cancellationToken),
                ByDay = await kb.CountItemsByDayAsync(new DateTimeOffset(today.AddDays(1 - window).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken),
                Sources = await kb.CountItemsBySourceAsync(SourcesListed, cancellationToken),
                Tags = await kb.ListTagsAsync(cancellationToken),
                Today = today,
                Days = window,
            });
        });
    }

    internal sealed class DigestForm
    {
        public string? Since { get; set; }

        public string? Tag { get; set; }
    }
}
