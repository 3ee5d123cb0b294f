using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Hosting.Ingest;
using Strata.Sources.Http;
using Strata.Sources.Imports;
using Strata.Sources.Imports.Opml;
using Strata.Sources.Steps;

namespace Strata.Hosting;

/// <summary>The outcome of an import: counts, one warning per skipped entry, and the pipeline run when fetching.</summary>
public sealed record ImportReport(ImportFormat Format, int Imported, int AlreadyPresent, IReadOnlyList<string> Warnings, PipelineReport? Pipeline);

public sealed partial class KnowledgeBase
{
    private const int ImportBatchSize = 500;

    /// <summary>
    /// Imports a bookmarks or read-later export. Folders and tags become tags, saved dates are kept. Resumable: an
    /// interrupted import run again skips what is already in (by canonical URL) and adds the rest. With
    /// <paramref name="fetch"/> the pages are fetched now; otherwise their fetches stay queued for the daemon or
    /// <c>strata collect</c>.
    /// </summary>
    /// <exception cref="ImportException">The file is not a format Strata can import.</exception>
    public async Task<ImportReport> ImportAsync(string path, ImportFormat? format, AddOptions add, bool fetch, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var head = new byte[ImportReader.DetectionHeadBytes];
        var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;
        var chosen = format ?? ImportReader.Detect(head.AsSpan(0, length), Path.GetFileName(path));
        var warnings = new List<string>();
        int imported = 0, present = 0;
        var batch = new List<ImportedBookmark>(ImportBatchSize);
        foreach (var bookmark in ImportReader.Read(stream, chosen, warnings))
        {
            batch.Add(bookmark);
            if (batch.Count == ImportBatchSize)
            {
                (imported, present) = Add(await ImportBatchAsync(batch, add, path, cancellationToken).ConfigureAwait(false), imported, present);
                progress?.Report(new IngestProgress("import", imported + present, 0));
                batch.Clear();
            }
        }

        (imported, present) = Add(await ImportBatchAsync(batch, add, path, cancellationToken).ConfigureAwait(false), imported, present);
        progress?.Report(new IngestProgress("import", imported + present, imported + present));
        var pipeline = fetch ? await ProcessQueueAsync(progress is null ? null : new Progress<PipelineProgress>(p => progress.Report(new IngestProgress("process", p.Done, p.Total))), cancellationToken).ConfigureAwait(false) : null;
        return new ImportReport(chosen, imported, present, warnings, pipeline);

        static (int, int) Add((int Imported, int Present) batch, int imported, int present) => (imported + batch.Imported, present + batch.Present);
    }

    private async Task<(int Imported, int Present)> ImportBatchAsync(List<ImportedBookmark> batch, AddOptions add, string path, CancellationToken cancellationToken)
    {
        var canonical = batch.Select(bookmark => UrlNormalizer.Canonicalize(bookmark.Url).ToString()).ToArray();
        var known = await _store.FindKnownCanonicalUrlsAsync(canonical, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(known, StringComparer.Ordinal);
        var items = new List<NewItem>(batch.Count);
        for (var index = 0; index < batch.Count; index++)
        {
            if (seen.Add(canonical[index]))
            {
                items.Add(new NewItem(BookmarkItem(batch[index], canonical[index], add, path), null));
            }
        }

        await _store.InsertAsync(items, cancellationToken).ConfigureAwait(false);
        return (items.Count, batch.Count - items.Count);
    }

    private Item BookmarkItem(ImportedBookmark bookmark, string canonicalUrl, AddOptions add, string path)
    {
        var now = _time.GetUtcNow();
        var metadata = new Dictionary<string, string> { ["import.file"] = Path.GetFileName(path) };
        if (bookmark.Title is not null)
        {
            metadata[ExtractStep.LockedFieldsKey] = ExtractStep.Lock("title");
        }

        if (bookmark.SavedAt is { } saved)
        {
            metadata["savedAt"] = saved.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (bookmark.Note is not null)
        {
            metadata["note"] = bookmark.Note;
        }

        var tags = bookmark.Tags.Select(tag => new ItemTag(ItemTag.Normalize(tag), TagOrigin.Source))
            .Concat(add.Tags.Select(tag => new ItemTag(ItemTag.Normalize(tag))))
            .Where(tag => tag.Name.Length > 0).DistinctBy(tag => tag.Name).ToArray();
        return new Item
        {
            Id = Ulid.NewUlid(now).ToString(),
            Kind = ItemKind.Bookmark,
            State = ItemState.Queued,
            Status = bookmark.Archived == true ? ItemStatus.Archived : ItemStatus.Inbox,
            Favourite = bookmark.Favourite == true,
            Url = bookmark.Url.ToString(),
            CanonicalUrl = canonicalUrl,
            Title = bookmark.Title,
            Excerpt = bookmark.Excerpt,
            CollectedAt = bookmark.SavedAt ?? now,
            UpdatedAt = now,
            Tags = tags,
            Metadata = metadata,
        };
    }

    /// <summary>Adds a feed source for every feed in an OPML file (folders become tags); feeds already present are kept.</summary>
    public async Task<(int Added, int AlreadyPresent)> ImportOpmlAsync(string path, SourceSchedule? schedule, CancellationToken cancellationToken)
    {
        var feeds = OpmlReader.Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        int added = 0, present = 0;
        foreach (var feed in feeds)
        {
            var source = new Source
            {
                Id = Ulid.NewUlid(_time.GetUtcNow()).ToString(),
                Type = SourceType.Feed,
                Target = feed.XmlUrl.ToString(),
                Name = feed.Title,
                Schedule = schedule ?? SourceSchedule.Default,
                Tags = feed.Categories.Select(ItemTag.Normalize).Where(tag => tag.Length > 0).Distinct().ToArray(),
                CreatedAt = _time.GetUtcNow(),
            };
            _ = (await _sources.AddSourceAsync(source, cancellationToken).ConfigureAwait(false)).Created ? added++ : present++;
        }

        return (added, present);
    }

    /// <summary>Every feed source as OPML 2.0, tags as categories.</summary>
    public async Task<string> ExportOpmlAsync(CancellationToken cancellationToken)
    {
        var feeds = (await _sources.ListSourcesAsync(cancellationToken).ConfigureAwait(false))
            .Where(source => source.Type == SourceType.Feed)
            .Select(source => new OpmlFeed(new Uri(source.Target), null, source.Name, source.Tags));
        return OpmlWriter.Write(feeds, "Strata feeds", _time.GetUtcNow());
    }
}
