using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Cli.Output;

/// <summary>JSON shapes the CLI prints with <c>--json</c>; field names are part of the scripting contract.</summary>
internal sealed record SearchResultJson(string Id, string Title, string? Url, string? Path, string Kind, string? Language, string? Source, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt, double Score, string Snippet, string[] Tags);

internal sealed record ItemJson(
    string Id, string Title, string? Url, string? Path, string Kind, string State, string Status, string? Language, string[] Tags,
    string? Text, string? ContentHash, string? MediaType, long ByteSize, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt,
    string? Byline, string? SiteName, string? CanonicalUrl, string? Excerpt, int WordCount, int ReadingMinutes, string? Error,
    PageJson[] Pages, Dictionary<string, string> Metadata)
{
    public string? Summary { get; init; }

    public string? SummaryMethod { get; init; }

    public string? SummaryModel { get; init; }
}

internal sealed record PageJson(int Number, int Start, int Length);

internal sealed record ListEntryJson(string Id, string Title, string? Url, string? Path, string Kind, string State, string? Language, DateTimeOffset CollectedAt, string[] Tags, string? Error);

internal sealed record IngestEntryJson(string Origin, string Outcome, string? Id, string? Title, string? Message);

internal sealed record IngestSummaryJson(int Added, int AlreadyPresent, int Failed, IngestEntryJson[] Entries);

internal sealed record ExtractJson(string? Title, string? Byline, DateTimeOffset? Published, string? SiteName, string? Language, string? CanonicalUrl, string? Excerpt, string Text, int WordCount, PageJson[] Pages, Dictionary<string, string> Metadata, string[] Tags);

internal sealed record StatsJson(int Items, Dictionary<string, int> ByKind, Dictionary<string, int> ByState, int Failed, int PendingJobs, long DatabaseBytes, long OriginalsBytes);

internal sealed record CheckJson(int Checked, CheckProblemJson[] Problems);

internal sealed record CheckProblemJson(string Id, string Hash, string Message);

internal sealed record TagJson(string Name, string Origin, double Confidence);

internal sealed record QueueJson(int Queued, int Processed, IngestEntryJson[] Failures);

internal sealed record SourceJson(
    string Id, string Type, string Target, string? Name, string Schedule, string[] Tags, string? Category, bool Paused,
    DateTimeOffset? LastRunAt, DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures, int ItemsCollected, DateTimeOffset? NextRunAt);

internal sealed record SourceRunJson(string Id, string Name, int New, int Updated, int Unchanged, int Failed, double Seconds, string? Error);

internal sealed record CollectJson(SourceRunJson[] Runs, int Processed, IngestEntryJson[] Failures);

internal sealed record ImportJson(string Format, int Imported, int AlreadyPresent, string[] Warnings, int Processed, int Failed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchResultJson[]))]
[JsonSerializable(typeof(ItemJson))]
[JsonSerializable(typeof(ListEntryJson[]))]
[JsonSerializable(typeof(IngestSummaryJson))]
[JsonSerializable(typeof(ExtractJson))]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(CheckJson))]
[JsonSerializable(typeof(TagJson[]))]
[JsonSerializable(typeof(QueueJson))]
[JsonSerializable(typeof(SourceJson))]
[JsonSerializable(typeof(SourceJson[]))]
[JsonSerializable(typeof(CollectJson))]
[JsonSerializable(typeof(ImportJson))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Like <see cref="Default"/>, but writes non-ASCII text (Chinese, accents) as itself instead of \u escapes.</summary>
    public static CliJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
