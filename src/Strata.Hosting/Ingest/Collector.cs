using System.Collections.Concurrent;
using System.Threading.Channels;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting.Configuration;
using Strata.Sources.Http;
using Strata.Sources.Steps;

namespace Strata.Hosting.Ingest;

/// <summary>
/// The collect stage of <c>add</c>: reads each file, refuses what cannot be a document, archives the original
/// bytes (before any parsing) and records the item with its pipeline job. URLs are recorded for the fetch step.
/// </summary>
internal sealed class Collector(IItemStore store, IBlobStore blobs, IngestOptions options, TimeProvider time)
{
    private const int InsertBatchSize = 256;

    /// <summary>Files up to this size are read synchronously.</summary>
    private const int SmallFile = 1 << 20;

    public async Task<IReadOnlyList<IngestEntry>> CollectAsync(IReadOnlyList<AddTarget> targets, AddOptions add, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var entries = new IngestEntry?[targets.Count];
        var claimed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = 0;

        // Readers archive originals in parallel; one writer makes them durable and records them in batches,
        // so no reader ever waits for a sync or a transaction.
        var collected = Channel.CreateBounded<(int Index, NewItem Item)>(new BoundedChannelOptions(InsertBatchSize * 4) { SingleReader = true });
        var writer = Task.Run(() => WriteAsync(collected.Reader, targets, entries, cancellationToken), cancellationToken);
        try
        {
            await Parallel.ForAsync(0, targets.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (index, token) =>
            {
                var (entry, item) = await CollectOneAsync(targets[index], add, claimed, token).ConfigureAwait(false);
                if (item is not null)
                {
                    await collected.Writer.WriteAsync((index, item), token).ConfigureAwait(false);
                }
                else
                {
                    entries[index] = entry;
                }

                progress?.Report(new IngestProgress("collect", Interlocked.Increment(ref done), targets.Count));
            }).ConfigureAwait(false);
        }
        finally
        {
            collected.Writer.Complete();
        }

        await writer.ConfigureAwait(false);
        return entries.Select((entry, index) => entry ?? new IngestEntry(targets[index].Origin, IngestOutcome.Failed, Message: "not collected")).ToArray();
    }

    private async Task WriteAsync(ChannelReader<(int Index, NewItem Item)> reader, IReadOnlyList<AddTarget> targets, IngestEntry?[] entries, CancellationToken cancellationToken)
    {
        var batch = new List<(int Index, NewItem Item)>(InsertBatchSize);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (batch.Count < InsertBatchSize && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count >= InsertBatchSize)
            {
                await FlushAsync(batch, targets, entries, cancellationToken).ConfigureAwait(false);
            }
        }

        await FlushAsync(batch, targets, entries, cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync(List<(int Index, NewItem Item)> batch, IReadOnlyList<AddTarget> targets, IngestEntry?[] entries, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // The originals must be on disk before the rows that point at them.
        await blobs.SyncAsync(cancellationToken).ConfigureAwait(false);
        await store.InsertAsync(batch.ConvertAll(entry => entry.Item), cancellationToken).ConfigureAwait(false);
        foreach (var (index, newItem) in batch)
        {
            entries[index] = new IngestEntry(targets[index].Origin, IngestOutcome.Added, newItem.Item.Id, newItem.Item.Title);
        }

        batch.Clear();
    }

    private async Task<(IngestEntry? Entry, NewItem? Item)> CollectOneAsync(AddTarget target, AddOptions add, ConcurrentDictionary<string, string> claimed, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case AddTarget.Missing missing:
                return (Failed(missing, missing.Message), null);
            case AddTarget.WebPage page:
                var canonical = UrlNormalizer.Canonicalize(page.Url).ToString();
                var knownUrl = add.Force ? null : await store.FindDuplicateAsync(null, canonical, cancellationToken).ConfigureAwait(false);
                if (knownUrl is not null || (!add.Force && !claimed.TryAdd("url:" + canonical, page.Origin)))
                {
                    return (Present(page, knownUrl), null);
                }

                return (null, new NewItem(NewItemFor(ItemKind.Article, add) with { Url = page.Url.ToString(), CanonicalUrl = canonical, State = ItemState.Queued }, null));
            case AddTarget.LocalFile file:
                return await CollectFileAsync(file, add, claimed, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(target));
        }
    }

    private async Task<(IngestEntry? Entry, NewItem? Item)> CollectFileAsync(AddTarget.LocalFile file, AddOptions add, ConcurrentDictionary<string, string> claimed, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(file.Path).Length;
            if (length > options.MaxFileBytes)
            {
                return (Failed(file, $"file is {Megabytes(length)}, over the {Megabytes(options.MaxFileBytes)} limit (Ingest.MaxFileBytes)"), null);
            }

            // Small files synchronously: on Linux an asynchronous read blocks a pool thread anyway and adds a hop.
            bytes = length <= SmallFile ? File.ReadAllBytes(file.Path) : await File.ReadAllBytesAsync(file.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (Failed(file, $"cannot read the file: {exception.Message}"), null);
        }

        if (bytes.Length == 0)
        {
            return (Failed(file, "empty file (0 bytes)"), null);
        }

        var hash = FileBlobStore.ComputeHash(bytes);
        if (!add.Force)
        {
            var existing = await store.FindDuplicateAsync(hash, null, cancellationToken).ConfigureAwait(false);
            if (existing is not null || !claimed.TryAdd("hash:" + hash, file.Path))
            {
                return (Present(file, existing, claimed.GetValueOrDefault("hash:" + hash)), null);
            }
        }

        await blobs.PutAsync(bytes, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var item = NewItemFor(ItemKind.File, add) with
        {
            SourcePath = file.Path,
            ContentHash = hash,
            ByteSize = bytes.Length,
            State = ItemState.Collected,
        };
        return (null, new NewItem(item, new SnapshotInfo(hash, string.Empty, bytes.Length, now, file.Path)));
    }

    /// <summary>A new item carrying the options every input shares (title, tags, force).</summary>
    public Item NewItemFor(ItemKind kind, AddOptions add)
    {
        var now = time.GetUtcNow();
        var metadata = new Dictionary<string, string>();
        if (add.Title is not null)
        {
            metadata[ExtractStep.LockedFieldsKey] = ExtractStep.Lock("title");
        }

        if (add.Force)
        {
            metadata[FetchStep.ForcedKey] = "true";
        }

        return new Item
        {
            Id = Ulid.NewUlid(now).ToString(),
            Kind = kind,
            Title = add.Title,
            CollectedAt = now,
            UpdatedAt = now,
            Tags = add.Tags.Select(ItemTag.Normalize).Where(tag => tag.Length > 0).Distinct().Select(tag => new ItemTag(tag)).ToArray(),
            Metadata = metadata,
        };
    }

    private static IngestEntry Failed(AddTarget target, string message) => new(target.Origin, IngestOutcome.Failed, Message: message);

    private static IngestEntry Present(AddTarget target, ItemSummary? existing, string? sameRunOrigin = null) => existing is null
        ? new IngestEntry(target.Origin, IngestOutcome.AlreadyPresent, Message: $"same content as {sameRunOrigin ?? "another input"} in this run")
        : new IngestEntry(target.Origin, IngestOutcome.AlreadyPresent, existing.Id, existing.DisplayTitle, $"already in the base: {existing.Id} {existing.DisplayTitle}");

    private static string Megabytes(long bytes) => Core.Text.ByteSizes.Format(bytes);
}
