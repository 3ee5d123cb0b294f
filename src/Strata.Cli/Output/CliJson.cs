using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Cli.Output;

/// <summary>JSON shapes the CLI prints with <c>--json</c>; field names are part of the scripting contract.</summary>
internal sealed record SearchResultJson(string Id, string Title, string? Url, string? Path, string Kind, string? Language, string? Source, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt, double Score, string Snippet, string[] Tags)
{
    public PassageJson[] Passages { get; init; } = [];
}

internal sealed record PassageJson(int Ordinal, int Start, int Length, int? Page, double Score, string Snippet);

internal sealed record FacetJson(string Value, int Count);

internal sealed record FacetsJson(FacetJson[] Tags, FacetJson[] Kinds, FacetJson[] Sources, FacetJson[] Languages);

internal sealed record SearchResponseJson(string Mode, SearchResultJson[] Results, FacetsJson? Facets, string? Notice);

internal sealed record EmbedJson(string? Model, int ItemsChunked, int Embedded, int AlreadyEmbedded, long InputTokens, int Chunks, int EmbeddedChunks, string? Error);

internal sealed record EvalJson(string DataSet, string Mode, int Documents, int Queries, double NdcgAt10, double RecallAt100, double MrrAt10, double IndexSeconds, double EmbedSeconds, double MeanQueryMilliseconds, string? Model, string? Notice);

internal sealed record ItemJson(
    string Id, string Title, string? Url, string? Path, string Kind, string State, string Status, string? Language, string[] Tags,
    string? Text, string? ContentHash, string? MediaType, long ByteSize, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt,
    string? Byline, string? SiteName, string? CanonicalUrl, string? Excerpt, int WordCount, int ReadingMinutes, string? Error,
    PageJson[] Pages, Dictionary<string, string> Metadata, StructureJson? Structure = null)
{
    public string? Summary { get; init; }

    public string? SummaryMethod { get; init; }

    public string? SummaryModel { get; init; }
}

/// <summary>What enrichment found about an item: keywords, near-duplicates, references, related items.</summary>
internal sealed record StructureJson(
    KeywordJson[] Keywords, ItemRefJson? DuplicateOf, ItemRefJson[] Copies, ProvenanceJson[] Provenance, CiteJson[] Cites, int UnresolvedCites,
    ItemRefJson[] CitedBy, RelatedJson[] Related);

internal sealed record KeywordJson(string Text, double Weight);

internal sealed record ItemRefJson(string Id, string Title, string? Url, string? Path);

internal sealed record ProvenanceJson(string ItemId, string ExternalId, string? SourceId, string? Url, DateTimeOffset SeenAt);

internal sealed record CiteJson(string Kind, string Value, ItemRefJson? Item);

internal sealed record RelatedJson(string Id, string Title, string? Url, string? Path, double Score);

internal sealed record DupeClusterJson(ItemRefJson Representative, DupeMemberJson[] Members);

internal sealed record DupeMemberJson(string Id, string Title, string? Url, string? Path, int Distance);

internal sealed record DupeRebuildJson(int Fingerprints, int Clusters, int Folded, double Seconds);

internal sealed record PageJson(int Number, int Start, int Length);

internal sealed record ListEntryJson(string Id, string Title, string? Url, string? Path, string Kind, string State, string? Language, DateTimeOffset CollectedAt, string[] Tags, string? Error);

internal sealed record IngestEntryJson(string Origin, string Outcome, string? Id, string? Title, string? Message);

internal sealed record IngestSummaryJson(int Added, int AlreadyPresent, int Failed, IngestEntryJson[] Entries);

internal sealed record ReindexJson(int Items, double Seconds);

internal sealed record ExtractJson(string? Title, string? Byline, DateTimeOffset? Published, string? SiteName, string? Language, string? CanonicalUrl, string? Excerpt, string Text, int WordCount, PageJson[] Pages, Dictionary<string, string> Metadata, string[] Tags);

internal sealed record CategoryJson(string Name, string Description);

internal sealed record CategoryMatchJson(string Id, string Category, double Similarity);

internal sealed record AutotagJson(AutotagItemJson[] Items, string? Notice);

internal sealed record AutotagItemJson(string Id, string Title, string[] Applied, string[] Proposed);

internal sealed record TagCountJson(string Tag, int Items, int ByUser, int ByMachine);

internal sealed record MergeSuggestionJson(string From, string Into, string Reason);

internal sealed record SuggestionJson(string Id, string Title, string Tag, string Origin, double Confidence);

internal sealed record WhyJson(string Id, string Title, ExplanationJson[] Labels);

internal sealed record ExplanationJson(string Name, string Type, string Origin, double Confidence, string Reason, FeatureWeightJson[] Evidence);

internal sealed record FeatureWeightJson(string Feature, double Weight);

internal sealed record RuleJson(string Id, string? Name, string Description, bool Enabled);

internal sealed record RuleChangeJson(string Id, string Title, string[] Added, string[] Removed, string? Category, string? Status, string[] Rules);

internal sealed record ClassifyEvalJson(int Train, int Test, double Accuracy, double MacroF1, double TrainSeconds, double PredictSeconds, LabelScoreJson[] Labels);

internal sealed record LabelScoreJson(string Label, int Support, double Precision, double Recall, double F1);

internal sealed record MigrateJson(string Target, bool Verified, int BlobsCopied, int BlobsChecked, string[] MissingBlobs, string[] DamagedBlobs, int Indexed, MigrateTableJson[] Tables);

internal sealed record MigrateTableJson(string Table, long Copied, long SourceRows, long TargetRows, bool Matches);

internal sealed record DoctorJson(string Store, string Location, int SchemaVersion, string KeywordSearch, string VectorSearch, string BlobStore, string Originals, string Queue, int Items, int PendingJobs);

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
[JsonSerializable(typeof(ClassifyEvalJson))]
[JsonSerializable(typeof(AutotagJson))]
[JsonSerializable(typeof(CategoryJson[]))]
[JsonSerializable(typeof(CategoryMatchJson[]))]
[JsonSerializable(typeof(TagCountJson[]))]
[JsonSerializable(typeof(MergeSuggestionJson[]))]
[JsonSerializable(typeof(SuggestionJson[]))]
[JsonSerializable(typeof(WhyJson))]
[JsonSerializable(typeof(RuleJson[]))]
[JsonSerializable(typeof(RuleChangeJson[]))]
[JsonSerializable(typeof(SearchResultJson[]))]
[JsonSerializable(typeof(SearchResponseJson))]
[JsonSerializable(typeof(EmbedJson))]
[JsonSerializable(typeof(EvalJson))]
[JsonSerializable(typeof(ItemJson))]
[JsonSerializable(typeof(ListEntryJson[]))]
[JsonSerializable(typeof(IngestSummaryJson))]
[JsonSerializable(typeof(ReindexJson))]
[JsonSerializable(typeof(ExtractJson))]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(DoctorJson))]
[JsonSerializable(typeof(MigrateJson))]
[JsonSerializable(typeof(CheckJson))]
[JsonSerializable(typeof(TagJson[]))]
[JsonSerializable(typeof(QueueJson))]
[JsonSerializable(typeof(SourceJson))]
[JsonSerializable(typeof(SourceJson[]))]
[JsonSerializable(typeof(CollectJson))]
[JsonSerializable(typeof(ImportJson))]
[JsonSerializable(typeof(RelatedJson[]))]
[JsonSerializable(typeof(DupeClusterJson[]))]
[JsonSerializable(typeof(DupeRebuildJson))]
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
