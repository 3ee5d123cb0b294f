using Strata.Core;
using Strata.Core.Pipeline;
using Strata.Sources.Http;

namespace Strata.Hosting.Configuration;

/// <summary>All of Strata's settings; bound from <c>strata.json</c> in the data directory, then <c>STRATA__SECTION__KEY</c> variables.</summary>
public sealed class StrataOptions
{
    /// <summary>Where the database, originals and config live.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>The engine (SQLite or PostgreSQL) and where originals go.</summary>
    public StoreOptions Store { get; set; } = new();

    public IngestOptions Ingest { get; set; } = new();

    public HttpFetchOptions Fetch { get; set; } = new();

    /// <summary>Per-host limits, retries and robots.txt (bound from the same <c>Fetch</c> section).</summary>
    public PolitenessOptions Politeness { get; set; } = new();

    public Collection.CollectionOptions Collection { get; set; } = new();

    public PipelineOptions Pipeline { get; set; } = new();

    /// <summary>Thresholds of the learned classifier and the review inbox.</summary>
    public Core.Enrich.ClassificationOptions Classification { get; set; } = new();

    /// <summary>How items are cut into passages (at index time, model or not).</summary>
    public Semantic.Chunking.ChunkingOptions Chunking { get; set; } = new();

    /// <summary>The embedding model behind semantic and hybrid search; none by default.</summary>
    public Semantic.Embeddings.EmbeddingOptions Embedding { get; set; } = new();

    /// <summary>The chat model; none by default (every feature then uses its classical method).</summary>
    public AI.ChatModelOptions Chat { get; set; } = new();

    /// <summary>Token budgets, prices and the prompt cache of the model ledger.</summary>
    public AI.UsageOptions Usage { get; set; } = new();

    public Summaries.SummaryOptions Summaries { get; set; } = new();

    public Digests.DigestOptions Digest { get; set; } = new();

    /// <summary>The web server and its authentication.</summary>
    public WebOptions Web { get; set; } = new();

    /// <summary>The speech engine that reads audio digests.</summary>
    public Audio.TtsOptions Tts { get; set; } = new();

    /// <summary>Audio digests: length cap, pauses, MP3 encoding.</summary>
    public Audio.AudioOptions Audio { get; set; } = new();

    /// <summary>The private podcast feed of audio digests.</summary>
    public Audio.PodcastOptions Podcast { get; set; } = new();
    /// <summary>Flashcard scheduling (FSRS-6): desired retention, learning steps, maximum interval, fuzz.</summary>
    public Core.Memory.SchedulerOptions Memory { get; set; } = new();

    /// <summary>Checks values a user may have mistyped; returns one message per problem.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Store.Validate());
        if (Ingest.MaxFileBytes <= 0)
        {
            problems.Add("Ingest.MaxFileBytes must be positive");
        }

        if (Ingest.Concurrency is < 1 or > 64)
        {
            problems.Add("Ingest.Concurrency must be between 1 and 64");
        }

        if (Pipeline.BatchSize is < 1 or > 10_000)
        {
            problems.Add("Pipeline.BatchSize must be between 1 and 10000");
        }

        if (Pipeline.Concurrency is < 1 or > 64)
        {
            problems.Add("Pipeline.Concurrency must be between 1 and 64");
        }

        problems.AddRange(Classification.Validate());

        if (Chunking.MaxTokens is < 16 or > 8192)
        {
            problems.Add("Chunking.MaxTokens must be between 16 and 8192");
        }

        problems.AddRange(Embedding.Validate());
        problems.AddRange(Chat.Validate());
        problems.AddRange(Memory.Validate());
        problems.AddRange(Web.Validate());
        if (Summaries.MaxChars < 40 || Summaries.MaxSentences < 1)
        {
            problems.Add("Summaries.MaxChars must be at least 40 and Summaries.MaxSentences at least 1");
        }

        if (!string.IsNullOrWhiteSpace(Digest.Schedule))
        {
            try
            {
                _ = Core.Sources.SourceSchedule.FromCron(Digest.Schedule);
            }
            catch (FormatException exception)
            {
                problems.Add($"Digest.Schedule: {exception.Message}");
            }
        }

        problems.AddRange(Tts.Validate());
        problems.AddRange(Audio.Validate());
        try
        {
            Fetch.Validate();
            Politeness.Validate();
        }
        catch (ArgumentException exception)
        {
            problems.Add(exception.Message);
        }

        return problems;
    }
}

/// <summary>How originals are taken in.</summary>
public sealed class IngestOptions
{
    /// <summary>Largest file accepted; larger ones are refused with a clear message.</summary>
    public long MaxFileBytes { get; set; } = Constants.DefaultMaxOriginalBytes;

    /// <summary>Files read and archived at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Flush every original to disk before recording it (safe against power loss; a little slower).</summary>
    public bool DurableOriginals { get; set; } = true;
}
