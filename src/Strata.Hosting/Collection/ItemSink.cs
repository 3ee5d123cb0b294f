using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Sources.Http;

namespace Strata.Hosting.Collection;

/// <summary>
/// Where collectors put what they find. Recognises what is already in the base — by the source's external id,
/// by canonical URL (tracking parameters removed), and by the bytes' hash — so an article arriving from two feeds
/// is one item with two provenance records. New items gather in a <see cref="SinkBatch"/>; committing it makes
/// the originals durable (one sync) and then writes every row in one transaction. Thread-safe; a batch is not.
/// </summary>
public sealed class ItemSink(IItemStore items, ISourceStore sources, IBlobStore blobs, TimeProvider time)
{
    /// <summary>The item a source recorded under <paramref name="externalId"/>, if any.</summary>
    public Task<(ItemSummary Item, Provenance Record)?> FindAsync(string externalId, CancellationToken cancellationToken) =>
        sources.FindByExternalIdAsync(externalId, cancellationToken);

    public SinkBatch StartBatch() => new();

    /// <summary>Stores the batch: originals synced to disk first, then all rows and jobs in one transaction.</summary>
    public async Task CommitAsync(SinkBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Items.Count == 0)
        {
            return;
        }

        await blobs.SyncAsync(cancellationToken).ConfigureAwait(false);
        await items.InsertAsync(batch.Items, cancellationToken).ConfigureAwait(false);
        batch.Clear();
    }

    /// <summary>Records a link to fetch later (the pipeline's fetch step archives it), unless it is already known.</summary>
    public async Task<SinkOutcome> AddLinkAsync(SinkBatch batch, Source? source, string externalId, Uri url, Item template, string? fingerprint, CancellationToken cancellationToken)
    {
        var canonical = UrlNormalizer.Canonicalize(url).ToString();
        var record = new Provenance(source?.Id, externalId, url.ToString(), fingerprint, time.GetUtcNow());
        if (await IsKnownAsync(batch, record, canonical, null, cancellationToken).ConfigureAwait(false))
        {
            return SinkOutcome.Unchanged;
        }

        var item = Prepare(template, source) with { Url = url.ToString(), CanonicalUrl = canonical, State = ItemState.Queued };
        batch.Add(new NewItem(item, null, record), canonical, null);
        return SinkOutcome.New;
    }

    /// <summary>Archives content a source delivered (synced when the batch commits) as a new item, unless it is already known.</summary>
    public async Task<SinkOutcome> AddContentAsync(
        SinkBatch batch, Source? source, string externalId, Uri? url, byte[] content, string mediaType, Item template, string? fingerprint, CancellationToken cancellationToken)
    {
        var hash = FileBlobStore.ComputeHash(content);
        var canonical = url is null ? null : UrlNormalizer.Canonicalize(url).ToString();
        var now = time.GetUtcNow();
        var record = new Provenance(source?.Id, externalId, url?.ToString(), fingerprint, now);
        if (await IsKnownAsync(batch, record, canonical, hash, cancellationToken).ConfigureAwait(false))
        {
            return SinkOutcome.Unchanged;
        }

        await blobs.PutAsync(content, cancellationToken).ConfigureAwait(false);
        var item = Prepare(template, source) with
        {
            Url = url?.ToString(),
            CanonicalUrl = canonical,
            ContentHash = hash,
            MediaType = mediaType,
            ByteSize = content.Length,
            State = ItemState.Collected,
        };
        batch.Add(new NewItem(item, new SnapshotInfo(hash, mediaType, content.Length, now, url?.ToString() ?? externalId), record), canonical, hash);
        return SinkOutcome.New;
    }

    /// <summary>Archives a new version of a known item and queues it for re-extraction; unchanged bytes change nothing.</summary>
    public async Task<SinkOutcome> AddVersionAsync(string itemId, Provenance record, byte[] content, string mediaType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var hash = await blobs.PutAsync(content, cancellationToken).ConfigureAwait(false);
        await blobs.SyncAsync(cancellationToken).ConfigureAwait(false);
        var current = await items.GetAsync(itemId, cancellationToken).ConfigureAwait(false);
        await sources.AddProvenanceAsync(itemId, record, cancellationToken).ConfigureAwait(false);
        if (current is null || current.ContentHash == hash)
        {
            return SinkOutcome.Unchanged;
        }

        await sources.AddVersionAsync(itemId, new SnapshotInfo(hash, mediaType, content.Length, time.GetUtcNow(), record.Url ?? record.ExternalId), metadata, cancellationToken).ConfigureAwait(false);
        return SinkOutcome.Updated;
    }

    /// <summary>A new item template; the source's tags and category are added when it is stored.</summary>
    public Item NewItem(ItemKind kind, string? title = null) => new()
    {
        Id = Ulid.NewUlid(time.GetUtcNow()).ToString(),
        Kind = kind,
        Title = title,
        CollectedAt = time.GetUtcNow(),
        UpdatedAt = time.GetUtcNow(),
    };

    private static Item Prepare(Item template, Source? source)
    {
        if (source is null)
        {
            return template;
        }

        var tags = template.Tags.ToList();
        foreach (var tag in source.Tags.Select(ItemTag.Normalize).Where(tag => tag.Length > 0))
        {
            if (tags.All(existing => existing.Name != tag))
            {
                tags.Add(new ItemTag(tag, TagOrigin.Source));
            }
        }

        return template with
        {
            Tags = tags,
            Category = template.Category ?? source.Category,
            CategoryOrigin = template.Category is not null ? template.CategoryOrigin : source.Category is null ? null : TagOrigin.Source,
            CategoryConfidence = template.Category is not null ? template.CategoryConfidence : source.Category is null ? null : 1.0,
        };
    }

    /// <summary>
    /// Whether the thing is already in the base or in the batch. Known under this very external id: nothing to do.
    /// Known otherwise (same URL or bytes from elsewhere): the item gains this provenance record.
    /// </summary>
    private async Task<bool> IsKnownAsync(SinkBatch batch, Provenance record, string? canonicalUrl, string? hash, CancellationToken cancellationToken)
    {
        if (batch.Contains(canonicalUrl, hash))
        {
            return true;
        }

        if (await sources.FindByExternalIdAsync(record.ExternalId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return true;
        }

        var known = await items.FindDuplicateAsync(hash, canonicalUrl, cancellationToken).ConfigureAwait(false);
        if (known is null)
        {
            return false;
        }

        await sources.AddProvenanceAsync(known.Id, record, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>New items a source run found, stored together by <see cref="ItemSink.CommitAsync"/>.</summary>
public sealed class SinkBatch
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    internal List<NewItem> Items { get; } = [];

    public int Count => Items.Count;

    internal void Add(NewItem item, string? canonicalUrl, string? hash)
    {
        Items.Add(item);
        AddKey("url:", canonicalUrl);
        AddKey("hash:", hash);
    }

    internal bool Contains(string? canonicalUrl, string? hash) =>
        (canonicalUrl is not null && _keys.Contains("url:" + canonicalUrl)) || (hash is not null && _keys.Contains("hash:" + hash));

    internal void Clear()
    {
        Items.Clear();
        _keys.Clear();
    }

    private void AddKey(string prefix, string? value)
    {
        if (value is not null)
        {
            _keys.Add(prefix + value);
        }
    }
}
