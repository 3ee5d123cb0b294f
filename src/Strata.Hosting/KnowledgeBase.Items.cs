using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Storage;
using Strata.Core.Text;
using Strata.Sources.Extractors;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>An item by full id or unambiguous prefix; null when none matches.</summary>
    /// <exception cref="AmbiguousIdException">The prefix matches more than one item.</exception>
    public async Task<Item?> GetAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return id is null ? null : await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full id for an id or its first characters; null when none matches.</summary>
    /// <exception cref="AmbiguousIdException">The prefix matches more than one item.</exception>
    public async Task<string?> ResolveIdAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var matches = await _store.FindIdsByPrefixAsync(idOrPrefix, 2, cancellationToken).ConfigureAwait(false);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new AmbiguousIdException($"'{idOrPrefix}' matches several items; give more characters of the id"),
        };
    }

    public Task<IReadOnlyList<ItemSummary>> ListAsync(ItemFilter filter, CancellationToken cancellationToken) => _store.ListAsync(filter, cancellationToken);

    /// <summary>Adds and removes tags and re-indexes the item; null when no item matches.</summary>
    public async Task<IReadOnlyList<ItemTag>?> TagAsync(string idOrPrefix, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            return null;
        }

        var tags = await _store.UpdateTagsAsync(id, add.Select(tag => new ItemTag(ItemTag.Normalize(tag))).ToArray(), remove, cancellationToken).ConfigureAwait(false);
        await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        return tags;
    }

    /// <summary>Deletes an item; with <paramref name="purge"/> also its originals that no other item uses. Null when no item matches.</summary>
    public async Task<(Item Item, int PurgedOriginals)?> DeleteAsync(string idOrPrefix, bool purge, CancellationToken cancellationToken)
    {
        var item = await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var orphans = await _store.DeleteAsync(item.Id, cancellationToken).ConfigureAwait(false) ?? [];
        var purged = purge ? orphans.Count(_blobs.Delete) : 0;
        return (item, purged);
    }

    /// <summary>Re-extracts items from their archived originals (all when <paramref name="idsOrPrefixes"/> is null).</summary>
    public async Task<(int Queued, PipelineReport Report)> ReprocessAsync(IReadOnlyList<string>? idsOrPrefixes, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        List<string>? ids = null;
        if (idsOrPrefixes is not null)
        {
            ids = [];
            foreach (var key in idsOrPrefixes)
            {
                ids.Add(await ResolveIdAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"no item matches '{key}'"));
            }
        }

        var queued = await _store.RequeueForReprocessAsync(ids, cancellationToken).ConfigureAwait(false);
        return (queued, await ProcessQueueAsync(progress, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Queues failed items again (transient failures only unless <paramref name="includePermanent"/>) and runs them.</summary>
    public async Task<(int Queued, PipelineReport Report)> RetryAsync(bool includePermanent, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var queued = await _store.RequeueFailedAsync(includePermanent, cancellationToken).ConfigureAwait(false);
        return (queued, await ProcessQueueAsync(progress, cancellationToken).ConfigureAwait(false));
    }

    public async Task<StoreStatistics> StatisticsAsync(CancellationToken cancellationToken)
    {
        var statistics = await _store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        return statistics with { BlobBytes = _blobs.TotalBytes() };
    }

    /// <summary>Verifies every original: present, and its bytes still hash to its name. Also lists orphan files.</summary>
    public async Task<IntegrityReport> CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<IntegrityProblem>();
        var checkedCount = 0;
        await foreach (var (id, hash) in _store.ListContentHashesAsync(cancellationToken).ConfigureAwait(false))
        {
            checkedCount++;
            if (!_blobs.Exists(hash))
            {
                problems.Add(new IntegrityProblem(id, hash, "original is missing"));
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = await _blobs.ReadAsync(hash, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException exception)
            {
                // Stores that verify on read (S3) refuse damaged bytes instead of returning them.
                problems.Add(new IntegrityProblem(id, hash, $"original is corrupt: {exception.Message}"));
                continue;
            }

            var actual = FileBlobStore.ComputeHash(bytes);
            if (actual != hash)
            {
                problems.Add(new IntegrityProblem(id, hash, $"original is corrupt: its bytes now hash to {actual[..12]}…"));
            }
        }

        return new IntegrityReport(checkedCount, problems);
    }

    /// <summary>Extracts a file or URL without storing anything (for <c>strata extract</c>).</summary>
    public async Task<ExtractedDocument> ExtractAsync(string target, CancellationToken cancellationToken)
    {
        byte[] bytes;
        string? fileName;
        string? declaredType = null;
        string? charset = null;
        Uri? source = null;
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var fetched = await _fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
            (bytes, fileName, declaredType, charset, source) = (fetched.Content, url.Segments[^1], fetched.MediaType, fetched.Charset, fetched.FinalUrl);
        }
        else
        {
            var length = new FileInfo(target).Length;
            if (length > Options.Ingest.MaxFileBytes)
            {
                throw new ExtractionException($"file is {ByteSizes.Format(length)}, over the {ByteSizes.Format(Options.Ingest.MaxFileBytes)} limit (Ingest.MaxFileBytes)");
            }

            bytes = await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false);
            fileName = Path.GetFileName(target);
        }

        return (await ExtractorCatalog.ExtractAsync(bytes, fileName, declaredType, source, charset, cancellationToken).ConfigureAwait(false)).Document;
    }
}

/// <summary>An id prefix that matches more than one item.</summary>
public sealed class AmbiguousIdException(string message) : Exception(message);

/// <summary>The outcome of <c>strata check</c>.</summary>
public sealed record IntegrityReport(int Checked, IReadOnlyList<IntegrityProblem> Problems);

public sealed record IntegrityProblem(string ItemId, string Hash, string Message);
