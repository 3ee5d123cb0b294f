using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Hosting.Usage;

namespace Strata.Web.Api;

/// <summary><c>GET /api/v1/usage</c>: model calls, tokens and cost from the ledger.</summary>
internal static class UsageApi
{
    public static void MapUsageApi(this RouteGroupBuilder api) =>
        api.MapGet("/usage", UsageAsync).WithTags("Usage").WithName("Usage")
            .WithSummary("Model calls, tokens and cost since a time (default 30d), grouped by purpose, model or day, with today's budgets");

    private static async Task<Results<Ok<UsageDto>, ProblemHttpResult>> UsageAsync(KnowledgeBase kb, TimeProvider time, string? since, string? by, CancellationToken cancellationToken)
    {
        var grouping = by is null ? UsageGrouping.Purpose : ApiQuery.Enum<UsageGrouping>(by, "by");
        var report = await kb.GetUsageAsync(ApiQuery.Since(since ?? "30d", time.GetUtcNow()), grouping, cancellationToken);
        return TypedResults.Ok(new UsageDto(report.Since, grouping.ToString().ToLowerInvariant(), [.. report.Rows.Select(Row)], Row(report.Total),
            [.. report.BudgetsToday.Select(pair => new BudgetDto(pair.Key, pair.Value.Used, pair.Value.Budget))]));
    }

    private static UsageRowDto Row(UsageRow row) =>
        new(row.Key, row.Calls, row.CachedCalls, row.InputTokens, row.OutputTokens, row.Cost, Math.Round(row.Latency.TotalSeconds, 3));
}
