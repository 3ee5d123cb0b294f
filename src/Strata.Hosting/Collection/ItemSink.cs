using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Sources.Http;
using Strata.Sources.Steps;

namespace Strata.Hosting.Collection;

/// <summary>
/// Where collectors put what they find. Recognises what is already in the base — by the source's external id,
/// by canonical URL (tracking parameters removed), and by the bytes' hash — so an article arriving from two feeds
/// is one item with two provenance records. Originals are archived (and synced) before their rows are written.
/// Thread-safe.
/// </summary>
public sealed class ItemSink(IItemStore items, ISourceStore sources, IBlobStore blobs, TimeProvider time)
{
    /// <summary>Metadata key listing fields extraction must not replace (comma-separated: title, byline, published).</summary>
    public const string LockedFieldsKey = ExtractStep.LockedFieldsKey;

    /// <summary>The item a source recorded under <paramref name="externalId"/>, if any.</summary>
    public Task<(ItemSummary Item, Provenance Record)?> FindAsync(string externalId, CancellationToken cancellationToken) =>
        sources.FindByExternalIdAsync(externalId, cancellationToken);

    /// <summary>Records a link to fetch later (the pipeline's fetch step archives it), unless the URL is already known.</summary>
    public async Task<(SinkOutcome Outcome, string ItemId)> AddLinkAsync(Source? source, string externalId, Uri url, Item template, string? fingerprint, CancellationToken cancellationToken)
    {
        var canonical = UrlNormalizer.Canonicalize(url).ToString();
        var known = await FindKnownAsync(externalId, canonical, null, cancellationToken).ConfigureAwait(false);
        var record = new Provenance(source?.Id, externalId, url.ToString(), fingerprint, time.GetUtcNow());
        if (known is not null)
        {
            await sources.AddProvenanceAsync(known.Id, record, cancellationToken).ConfigureAwait(false);
            return (SinkOutcome.Unchanged, known.Id);
        }

        var item = Prepare(template, source) with { Url = url.ToString(), CanonicalUrl = canonical, State = ItemState.Queued };
        await items.InsertAsync([new NewItem(item, null, record)], cancellationToken).ConfigureAwait(false);
        return (SinkOutcome.New, item.Id);
    }

    /// <summary>Archives content a source delivered and records it as a new item, unless it is already known.</summary>
    public async Task<(SinkOutcome Outcome, string ItemId)> AddContentAsync(
        Source? source, string externalId, Uri? url, byte[] content, string mediaType, Item template, string? fingerprint, CancellationToken cancellationToken)
    {
        var hash = FileBlobStore.ComputeHash(content);
        var canonical = url is null ? null : UrlNormalizer.Canonicalize(url).ToString();
        var known = await FindKnownAsync(externalId, canonical, hash, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var record = new Provenance(source?.Id, externalId, url?.ToString(), fingerprint, now);
        if (known is not null)
        {
            await sources.AddProvenanceAsync(known.Id, record, cancellationToken).ConfigureAwait(false);
            return (SinkOutcome.Unchanged, known.Id);
        }

        await blobs.PutAsync(content, cancellationToken).ConfigureAwait(false);
        await blobs.SyncAsync(cancellationToken).ConfigureAwait(false);
        var item = Prepare(template, source) with
        {
            Url = url?.ToString(),
            CanonicalUrl = canonical,
            ContentHash = hash,
            MediaType = mediaType,
            ByteSize = content.Length,
            State = ItemState.Collected,
        };
        await items.InsertAsync([new NewItem(item, new SnapshotInfo(hash, mediaType, content.Length, now, url?.ToString() ?? externalId), record)], cancellationToken).ConfigureAwait(false);
        return (SinkOutcome.New, item.Id);
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

    /// <summary>A new item carrying a source's tags and category.</summary>
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

        return template with { Tags = tags, Category = template.Category ?? source.Category };
    }

    private async Task<ItemSummary?> FindKnownAsync(string externalId, string? canonicalUrl, string? hash, CancellationToken cancellationToken)
    {
        var byId = await sources.FindByExternalIdAsync(externalId, cancellationToken).ConfigureAwait(false);
        return byId?.Item ?? await items.FindDuplicateAsync(hash, canonicalUrl, cancellationToken).ConfigureAwait(false);
    }
}
