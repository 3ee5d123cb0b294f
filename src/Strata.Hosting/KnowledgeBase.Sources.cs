using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Sources.Feeds;
using Strata.Sources.Http;

namespace Strata.Hosting;

/// <summary>What <c>source add</c> takes besides type and target.</summary>
public sealed record SourceRequest
{
    public SourceSchedule? Schedule { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Category { get; init; }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// Adds a source after checking its target: a folder must exist; a feed URL may be a site's home page, whose
    /// advertised feed is then used. Returns the existing source when the same one is already there.
    /// </summary>
    /// <exception cref="SourceException">The target cannot be used, with the reason.</exception>
    public async Task<(Source Source, bool Created)> AddSourceAsync(SourceType type, string target, SourceRequest request, CancellationToken cancellationToken)
    {
        var resolved = type switch
        {
            SourceType.Folder => Directory.Exists(target) ? Path.GetFullPath(target) : throw new SourceException($"folder not found: {target}"),
            SourceType.Feed => await DiscoverFeedAsync(HttpUrl(target), cancellationToken).ConfigureAwait(false),
            SourceType.Page => HttpUrl(target).ToString(),
            SourceType.Arxiv => string.IsNullOrWhiteSpace(target) ? throw new SourceException("an arXiv query is empty") : target.Trim(),
            _ => throw new SourceException($"unknown source type {type}"),
        };
        var source = new Source
        {
            Id = Ulid.NewUlid(_time.GetUtcNow()).ToString(),
            Type = type,
            Target = resolved,
            Name = request.Name,
            Schedule = request.Schedule ?? (type == SourceType.Folder ? SourceSchedule.Interval(Options.Collection.FolderRescan) : SourceSchedule.Default),
            Tags = request.Tags.Select(Core.Items.ItemTag.Normalize).Where(tag => tag.Length > 0).Distinct().ToArray(),
            Category = request.Category,
            Settings = request.Settings,
            CreatedAt = _time.GetUtcNow(),
        };
        return await _sources.AddSourceAsync(source, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken cancellationToken) => _sources.ListSourcesAsync(cancellationToken);

    /// <summary>A source by id or its first characters; null when none matches.</summary>
    public async Task<Source?> GetSourceAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var ids = await _sources.FindSourceIdsByPrefixAsync(idOrPrefix, 2, cancellationToken).ConfigureAwait(false);
        return ids.Count switch
        {
            0 => null,
            1 => await _sources.GetSourceAsync(ids[0], cancellationToken).ConfigureAwait(false),
            _ => throw new AmbiguousIdException($"'{idOrPrefix}' matches several sources; give more characters of the id"),
        };
    }

    public Task<IReadOnlyList<(DateTimeOffset StartedAt, SourceRunResult Outcome)>> ListSourceRunsAsync(string sourceId, int max, CancellationToken cancellationToken) =>
        _sources.ListRunsAsync(sourceId, max, cancellationToken);

    /// <summary>Pauses or resumes a source; a resumed source is due at once.</summary>
    public async Task<Source?> SetPausedAsync(string idOrPrefix, bool paused, CancellationToken cancellationToken)
    {
        var source = await GetSourceAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        var updated = source with { Paused = paused, NextRunAt = paused ? source.NextRunAt : _time.GetUtcNow() };
        await _sources.SaveSourceAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Makes an unpaused source due now (a watched folder changed).</summary>
    public async Task MarkSourceDueAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = await _sources.GetSourceAsync(sourceId, cancellationToken).ConfigureAwait(false);
        if (source is { Paused: false })
        {
            await _sources.SaveSourceAsync(source with { NextRunAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a source; the items it brought stay. Null when none matches.</summary>
    public async Task<Source?> RemoveSourceAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var source = await GetSourceAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return source is not null && await _sources.RemoveSourceAsync(source.Id, cancellationToken).ConfigureAwait(false) ? source : null;
    }

    /// <summary>Runs one source now (paused or not, due or not), then processes what it queued.</summary>
    public async Task<(Source Source, SourceRunResult Outcome, Core.Pipeline.PipelineReport Pipeline)?> RunSourceAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var source = await GetSourceAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        var (updated, result) = await _sourceRunner.RunAsync(source, cancellationToken).ConfigureAwait(false);
        var pipeline = await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        return (updated, result, pipeline);
    }

    /// <summary>Runs every due source once, then processes the queue (what <c>strata collect</c> and each daemon tick do).</summary>
    public async Task<(IReadOnlyList<(Source Source, SourceRunResult Outcome)> Runs, Core.Pipeline.PipelineReport Pipeline)> CollectDueAsync(
        IProgress<Core.Pipeline.PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var runs = await _sourceRunner.RunDueAsync(cancellationToken).ConfigureAwait(false);
        var pipeline = await ProcessQueueAsync(progress, cancellationToken).ConfigureAwait(false);
        return (runs, pipeline);
    }

    /// <summary>Every archived original of an item, oldest first (page versions, paper versions, changed files).</summary>
    public Task<IReadOnlyList<SnapshotInfo>> ListVersionsAsync(string itemId, CancellationToken cancellationToken) => _sources.ListSnapshotsAsync(itemId, cancellationToken);

    public Task<IReadOnlyList<Provenance>> ListProvenanceAsync(string itemId, CancellationToken cancellationToken) => _sources.ListProvenanceAsync(itemId, cancellationToken);

    private async Task<string> DiscoverFeedAsync(Uri url, CancellationToken cancellationToken)
    {
        FetchResult response;
        try
        {
            response = await _politeFetcher.FetchAsync(url, null, FetchPurpose.UserRequested, cancellationToken).ConfigureAwait(false);
        }
        catch (FetchException exception)
        {
            throw new SourceException($"cannot fetch {url}: {exception.Message}", exception);
        }

        if (FeedDiscovery.IsLikelyFeed(response.Content.AsSpan(0, Math.Min(response.Content.Length, 4096)), response.MediaType))
        {
            return response.FinalUrl.ToString();
        }

        var html = Sources.Encoding.TextDecoder.Decode(response.Content, response.Charset);
        var feeds = FeedDiscovery.FindFeeds(html, response.FinalUrl);
        return feeds.Count > 0 ? feeds[0].ToString() : throw new SourceException($"no feed found at {url} (neither a feed nor a page that links to one)");
    }

    private static Uri HttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : throw new SourceException($"not an http(s) URL: {text}");
}

/// <summary>A source cannot be added or run as asked; the message says why.</summary>
public sealed class SourceException : Exception
{
    public SourceException(string message)
        : base(message)
    {
    }

    public SourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceException()
    {
    }
}
