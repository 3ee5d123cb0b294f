using System.Text.Json.Serialization;

namespace Strata.Cli.Output;

/// <summary>JSON shapes of summaries, ask, digests and usage (<c>--json</c>); field names are part of the scripting contract.</summary>
internal sealed record SummaryJson(string ItemId, string Method, string? Model, string Text, string[] KeyPoints, DateTimeOffset CreatedAt, string? Notice);

internal sealed record SetSummaryJson(string Text, string Method, string? Model, SetSourceJson[] Sources, string? Notice);

internal sealed record SetSourceJson(int Number, string Id, string Title, string? Url, string? Path);

internal sealed record MissingSummariesJson(int Summarized, int Abstractive, int Extractive, string[] Failures, string? Notice);

internal sealed record AskJson(string Question, string Kind, string Answer, string? Model, string? Notice, CitationJson[] Citations);

internal sealed record CitationJson(int Number, string Id, string Title, string? Url, string? Path, int? Page, int Start, int Length, string Passage, bool Cited);

internal sealed record DigestJson(string? Id, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Tag, int Items, DigestEntryJson[] TopStories, DigestGroupJson[] Groups, string? DeliveredTo, string? DeliveryError, AudioJson? Audio = null)
{
    /// <summary>Older items brought back ("From your archive").</summary>
    public DigestEntryJson[] Resurfaced { get; init; } = [];
}

/// <summary>The audio digest made with <c>digest --audio</c>: its file, length, chapters and what could not be read (or why none was made).</summary>
internal sealed record AudioJson(string? Id, string? Path, double Seconds, long Bytes, int Stories, int StoriesLeftOut, string[] Problems, string? Error, double RealTimeFactor);

internal sealed record EpisodeJson(string Id, string Title, DateTimeOffset CreatedAt, string Path, long Bytes, double Seconds, int Stories, int StoriesLeftOut, string Engine);

internal sealed record DigestGroupJson(string Name, DigestEntryJson[] Entries);

internal sealed record DigestEntryJson(string Id, string Title, string Source, string Summary, string? Link, double Novelty, double Interest, double Score);

internal sealed record DigestListJson(string Id, DateTimeOffset CreatedAt, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Tag, int Items, int TopStories, string? DeliveredTo);

internal sealed record UsageJson(DateTimeOffset Since, string By, UsageRowJson[] Rows, UsageRowJson Total, BudgetJson[] Budgets);

internal sealed record UsageRowJson(string Key, int Calls, int Cached, long InputTokens, long OutputTokens, decimal Cost, double LatencySeconds);

internal sealed record BudgetJson(string Purpose, long Used, long Budget);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SummaryJson))]
[JsonSerializable(typeof(SetSummaryJson))]
[JsonSerializable(typeof(MissingSummariesJson))]
[JsonSerializable(typeof(AskJson))]
[JsonSerializable(typeof(DigestJson))]
[JsonSerializable(typeof(DigestListJson[]))]
[JsonSerializable(typeof(EpisodeJson[]))]
[JsonSerializable(typeof(UsageJson))]
internal sealed partial class ModelJson : JsonSerializerContext
{
    /// <summary>Writes non-ASCII text (Chinese) as itself.</summary>
    public static ModelJson Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
