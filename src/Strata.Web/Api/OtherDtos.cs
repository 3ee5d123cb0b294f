using Strata.Core.Sources;

namespace Strata.Web.Api;

/// <summary>A source with its health: <see cref="Health"/> is <c>ok</c>, <c>failing</c>, <c>paused</c> or <c>new</c> (never run).</summary>
public sealed record SourceDto(
    string Id, SourceType Type, string Target, string Name, string Schedule, IReadOnlyList<string> Tags, string? Category, bool Paused, string Health,
    DateTimeOffset CreatedAt, DateTimeOffset? NextRunAt, DateTimeOffset? LastRunAt, DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures, int ItemsCollected)
{
    public static SourceDto From(Source source) => new(
        source.Id, source.Type, source.Target, source.DisplayName, source.Schedule.ToString(), source.Tags, source.Category, source.Paused,
        source.Paused ? "paused" : source.LastError is not null ? "failing" : source.LastRunAt is null ? "new" : "ok",
        source.CreatedAt, source.NextRunAt, source.LastRunAt, source.LastSuccessAt, source.LastError, source.ConsecutiveFailures, source.ItemsCollected);
}

/// <summary>Adds a source: <see cref="Type"/> is <c>feed</c>, <c>page</c> or <c>arxiv</c> (folders only from the CLI); <see cref="Every"/> e.g. <c>30m</c>, or <see cref="Cron"/>.</summary>
public sealed record AddSourceRequest(string? Type, string? Target, string? Name, IReadOnlyList<string>? Tags, string? Category, string? Every, string? Cron);

public sealed record SourceRunDto(SourceDto Source, bool Succeeded, int New, int Updated, int Unchanged, int Failed, double Seconds, string? Error);

public sealed record TagDto(string Tag, int Items, int ByUser, int ByMachine);

public sealed record RenameTagRequest(string? From, string? To);

/// <summary>Merges every tag in <see cref="From"/> into <see cref="Into"/>.</summary>
public sealed record MergeTagsRequest(IReadOnlyList<string>? From, string? Into);

public sealed record TagChangeDto(int ItemsChanged);

public sealed record DigestSummaryDto(string Id, DateTimeOffset CreatedAt, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Tag, int Items, int TopStories, string? DeliveredTo);

public sealed record DigestDto(
    string? Id, DateTimeOffset? CreatedAt, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Tag, IReadOnlyList<string> ItemIds, IReadOnlyList<string> TopStoryIds,
    string Markdown, string Html, string? DeliveredTo);

/// <summary>Makes a digest of what was collected since <see cref="Since"/> (<c>7d</c>, <c>24h</c> or a date; default 1 day).</summary>
public sealed record CreateDigestRequest(string? Since, string? Tag, bool Store = true);

/// <summary>Asks a question of the base, optionally limited to tags and to items collected since a time (<c>30d</c> or a date).</summary>
public sealed record AskRequest(string? Question, IReadOnlyList<string>? Tags, string? Since);

public sealed record CitationDto(int Number, string ItemId, string Title, string? Url, int? Page, int Start, int Length, string Passage, bool Cited);

/// <summary>
/// An answer: <see cref="Kind"/> is <c>generated</c> (by the chat model), <c>extractive</c> (passages; no model) or
/// <c>notFound</c>; <see cref="Answer"/> is plain text and <see cref="AnswerHtml"/> escaped HTML with marked sentences.
/// </summary>
public sealed record AskResponse(string Question, string Kind, string Answer, string AnswerHtml, string? Model, string? Notice, IReadOnlyList<CitationDto> Citations);

public sealed record UsageRowDto(string Key, int Calls, int CachedCalls, long InputTokens, long OutputTokens, decimal Cost, double LatencySeconds);

public sealed record BudgetDto(string Purpose, long Used, long Budget);

public sealed record UsageDto(DateTimeOffset Since, string By, IReadOnlyList<UsageRowDto> Rows, UsageRowDto Total, IReadOnlyList<BudgetDto> BudgetsToday);
