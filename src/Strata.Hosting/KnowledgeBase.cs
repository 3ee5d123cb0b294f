using Microsoft.Extensions.AI;
using Strata.AI;
using Strata.Core.Enrich;
using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Hosting.Ask;
using Strata.Hosting.Collection;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Hosting.Queue;
using Strata.Hosting.Stores;
using Strata.Semantic.Chunking;
using Strata.Sources.Extractors;
using Strata.Sources.Http;
using Strata.Sources.Steps;

namespace Strata.Hosting;

/// <summary>
/// The one facade every surface (CLI, web, daemon, MCP) uses. Owns the store, the originals and the pipeline of
/// one data directory. Thread-safe; dispose to release the database.
/// </summary>
public sealed partial class KnowledgeBase : IAsyncDisposable
{
    private readonly IItemStore _store;
    private readonly IChunkStore _chunks;
    private readonly TextChunker _chunker;
    private readonly ISourceStore _sources;
    private readonly IStructureStore _structure;
    private readonly CorpusFrequencies _corpus;
    private readonly IBlobStore _blobs;
    private readonly bool _sharedQueue;
    private readonly HttpFetcher _fetcher;
    private readonly PoliteFetcher _politeFetcher;
    private readonly SourceRunner _sourceRunner;
    private readonly Collector _collector;
    private readonly IReadOnlyList<IPipelineStep> _steps;
    private readonly DataDirectory _data;
    private readonly TimeProvider _time;
    private readonly Core.Summaries.ISummaryStore _summaries;
    private readonly Core.Digests.IDigestStore _digests;
    private readonly Core.Ledger.ILedgerStore _ledger;
    private readonly IChatClient? _chat;
    private readonly Core.Web.IWebStore _web;
    private readonly Core.Storage.ICardStore _cards;
    private readonly Core.Digests.IResurfacingStore _resurfacing;

    private KnowledgeBase(StrataOptions options, DataDirectory data, OpenedStore opened, TimeProvider time, Action<string>? console)
    {
        var store = opened.Store;
        Options = options;
        _data = data;
        _store = store;
        _sharedQueue = opened.SharedQueue;
        StoreDescription = opened.Description;
        _chunks = store;
        _chunker = new TextChunker(options.Chunking);
        _sources = store;
        _structure = store;
        _corpus = new CorpusFrequencies(store);
        _time = time;
        _blobs = opened.Blobs;
        _fetcher = new HttpFetcher(options.Fetch, timeProvider: time);
        _politeFetcher = new PoliteFetcher(_fetcher, options.Politeness, time);
        _collector = new Collector(store, _blobs, options.Ingest, time);
        _classificationStore = store;
        _classification = new ClassificationState(options.Classification);
        _steps = PipelineSteps(options, store);
        _summaries = store;
        _digests = store;
        _ledger = store;
        _web = store;
        _cards = store;
        _resurfacing = store;
        ModelLedger = new ModelLedger(store, options.Usage, options.Chat, time);
        _chat = ChatClientFactory.Create(options.Chat, ModelLedger);
        PassageRetriever = new KeywordPassageRetriever(store);
        // Every embedding call goes through the same ledger as chat: tokens, latency, cost, budgets.
        EmbeddingDecorator = generator => WithLedger(generator, options.Embedding.Provider, options.Embedding.Model ?? options.Embedding.Provider);
        Log = new RunLog(data.LogsPath, time, console);
        var sink = new ItemSink(store, store, _blobs, time);
        ISourceCollector[] collectors =
        [
            new FeedCollector(sink, _politeFetcher, options.Collection),
            new ArxivCollector(sink, _politeFetcher, options.Collection),
            new FolderCollector(sink, store, options.Ingest, time),
            new PageCollector(sink, _politeFetcher),
        ];
        _sourceRunner = new SourceRunner(store, collectors, new RetryPolicy(options.Politeness.Retry, time), Log, time);
    }

    /// <summary>
    /// The ingest pipeline. Passages (the chunk step, ~0.6 ms of CPU per 1,500-word document for exact token counts)
    /// exist to be embedded, so they are cut at ingest only with an embedding model configured; otherwise
    /// <c>strata embed</c> cuts them for every item without any once a model is set.
    /// </summary>
    private IReadOnlyList<IPipelineStep> PipelineSteps(StrataOptions options, IKnowledgeStore store)
    {
        List<IPipelineStep> steps = [new FetchStep(_politeFetcher, _blobs, store), new ExtractStep(_blobs, ExtractorCatalog.All), new EnrichStep(Enrichers()), new SummaryStep(options.Summaries.Budget, _time)];
        if (options.Embedding.IsEnabled)
        {
            steps.Add(new ChunkStep(_chunker));
        }

        steps.Add(new IndexStep(withTerms: options.Store.Provider == StoreProvider.Sqlite));
        return steps;
    }

    /// <summary>Source runs and daemon events, one line each, to <c>logs/strata.log</c> (and the console when asked).</summary>
    public RunLog Log { get; }

    public StrataOptions Options { get; }

    /// <summary>The engine, its location, vector search, originals and queue mode (what <c>strata doctor</c> prints).</summary>
    public StoreDescription StoreDescription { get; }

    /// <summary>The token and cost ledger every model call goes through (budgets, prices, the prompt cache).</summary>
    public ModelLedger ModelLedger { get; }

    /// <summary>Whether a chat model is configured (otherwise classical methods serve every feature).</summary>
    public bool HasChatModel => _chat is not null;

    /// <summary>Wraps an embedding generator so its calls are recorded in the ledger and held to the <c>embed</c> budget.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> WithLedger(IEmbeddingGenerator<string, Embedding<float>> generator, string provider, string model) =>
        new LedgerEmbeddingGenerator(generator, ModelLedger, provider, model);

    public string DataDirectory => _data.Root;

    /// <summary>Opens (creating and migrating when needed) the knowledge base in <paramref name="data"/>.</summary>
    /// <param name="data">The data directory.</param>
    /// <param name="options">Settings; loaded from the data directory's config and the environment when null.</param>
    /// <param name="time">The clock (tests pass a fake).</param>
    /// <param name="console">Where source-run lines go besides the log file (the daemon passes the console).</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<KnowledgeBase> OpenAsync(
        DataDirectory data, StrataOptions? options = null, TimeProvider? time = null, Action<string>? console = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(data.Root);
        options ??= StrataConfiguration.Load(data);
        var opened = await StoreFactory.OpenAsync(options, data, time, cancellationToken).ConfigureAwait(false);
        var knowledgeBase = new KnowledgeBase(options, data, opened, time ?? TimeProvider.System, console);
        try
        {
            await knowledgeBase.IndexLeftPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await knowledgeBase.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return knowledgeBase;
    }

    /// <summary>Adds files, folders and URLs, then runs the pipeline over everything queued.</summary>
    public async Task<IngestReport> AddAsync(IReadOnlyList<string> arguments, AddOptions add, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var targets = arguments.SelectMany(AddTarget.Expand).ToArray();
        // Collecting (mostly file I/O) and processing (mostly CPU and the database) run side by side.
        var collecting = Task.Run(() => _collector.CollectAsync(targets, add, progress, cancellationToken), cancellationToken);
        return await ProcessAndMergeAsync(collecting, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds text (e.g. from standard input) as a note.</summary>
    public async Task<IngestReport> AddNoteAsync(string text, AddOptions add, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IngestReport([new IngestEntry("stdin", IngestOutcome.Failed, Message: "empty note: nothing on standard input")], processed: true);
        }

        var hash = await _blobs.PutAsync(bytes, cancellationToken).ConfigureAwait(false);
        var existing = add.Force ? null : await _store.FindDuplicateAsync(hash, null, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return new IngestReport([new IngestEntry("stdin", IngestOutcome.AlreadyPresent, existing.Id, existing.DisplayTitle, $"already in the base: {existing.Id} {existing.DisplayTitle}")], processed: true);
        }

        var item = _collector.NewItemFor(ItemKind.Note, add) with
        {
            ContentHash = hash,
            ByteSize = bytes.Length,
            MediaType = MediaTypes.Markdown,
            State = ItemState.Collected,
        };
        await _blobs.SyncAsync(cancellationToken).ConfigureAwait(false);
        await _store.InsertAsync([new NewItem(item, new SnapshotInfo(hash, MediaTypes.Markdown, bytes.Length, _time.GetUtcNow(), "stdin"))], cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IngestEntry> note = [new IngestEntry("stdin", IngestOutcome.Added, item.Id, item.Title)];
        return await ProcessAndMergeAsync(Task.FromResult(note), progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Works the queue until nothing is due, unless another process holds it (SQLite; on PostgreSQL many work it at once).</summary>
    public Task<PipelineReport> ProcessQueueAsync(IProgress<PipelineProgress>? progress, CancellationToken cancellationToken) =>
        ProcessQueueAsync(progress, null, cancellationToken);

    /// <summary>Works the queue until nothing is due and <paramref name="producer"/> (still adding work) is done.</summary>
    private async Task<PipelineReport> ProcessQueueAsync(IProgress<PipelineProgress>? progress, Task? producer, CancellationToken cancellationToken)
    {
        if (LeavesQueueToWorkers)
        {
            return new PipelineReport { QueueAvailable = false }; // a web-only server: `strata worker` processes do this
        }

        // SQLite has one writer: one worker holds the queue. PostgreSQL leases jobs instead, so any number work it.
        using var workerLock = _sharedQueue ? null : WorkerLock.TryAcquire(_data.QueueLockPath);
        if (workerLock is null && !_sharedQueue)
        {
            return new PipelineReport { QueueAvailable = false };
        }

        await RefreshClassificationAsync(cancellationToken).ConfigureAwait(false);
        var runner = new PipelineRunner(_store, _blobs, _steps, Options.Pipeline, _time);
        var report = await runner.RunAsync(progress, cancellationToken, producer).ConfigureAwait(false);
        await FinishRunAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<IngestReport> ProcessAndMergeAsync(Task<IReadOnlyList<IngestEntry>> collecting, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var pipelineProgress = progress is null ? null : new Progress<PipelineProgress>(p => progress.Report(new IngestProgress("process", p.Done, p.Total)));
        var report = await ProcessQueueAsync(pipelineProgress, collecting, cancellationToken).ConfigureAwait(false);
        var entries = await collecting.ConfigureAwait(false);
        var failures = report.Failures.ToDictionary(failure => failure.ItemId);
        var duplicates = report.Duplicates.ToDictionary(duplicate => duplicate.Id, duplicate => duplicate.Existing);
        var merged = new List<IngestEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.ItemId is { } id && entry.Outcome == IngestOutcome.Added)
            {
                if (failures.TryGetValue(id, out var failure))
                {
                    merged.Add(entry with { Outcome = IngestOutcome.Failed, Message = $"{failure.Step}: {failure.Message}" + (failure.IsTransient ? " (transient; `strata retry` will try again)" : string.Empty) });
                    continue;
                }

                if (duplicates.TryGetValue(id, out var existing))
                {
                    merged.Add(entry with { Outcome = IngestOutcome.AlreadyPresent, ItemId = existing.Id, Title = existing.DisplayTitle, Message = $"already in the base: {existing.Id} {existing.DisplayTitle}" });
                    continue;
                }

                merged.Add(entry with { Title = report.Titles.GetValueOrDefault(id) ?? entry.Title });
                continue;
            }

            merged.Add(entry);
        }

        return new IngestReport(merged, report.QueueAvailable);
    }

    /// <summary>Folds the write-ahead log into the database file (on shutdown).</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => _store.CheckpointAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _chat?.Dispose();
        _fetcher.Dispose();
        if (_blobs is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
        _embeddingModel?.Dispose();
        _vectors?.Dispose();
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
