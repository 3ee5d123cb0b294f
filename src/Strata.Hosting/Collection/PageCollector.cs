using System.Globalization;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Sources.Extractors;
using Strata.Sources.Http;

namespace Strata.Hosting.Collection;

/// <summary>
/// Watches one page. Conditional GET first; when the page did change, its extracted text is compared with the
/// last version's, and only a change in content (not in ads or timestamps around it) archives a new version.
/// </summary>
public sealed class PageCollector(ItemSink sink, PoliteFetcher fetcher) : ISourceCollector
{
    public SourceType Type => SourceType.Page;

    public async Task<CollectResult> CollectAsync(Source source, CancellationToken cancellationToken)
    {
        var url = new Uri(source.Target);
        var conditions = new FetchConditions(source.Cursor.GetValueOrDefault("etag"),
            DateTimeOffset.TryParse(source.Cursor.GetValueOrDefault("lastModified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) ? since : null);
        var response = await fetcher.FetchAsync(url, conditions, FetchPurpose.UserRequested, cancellationToken).ConfigureAwait(false);
        var cursor = Cursor(response, source);
        if (response.NotModified)
        {
            return new CollectResult(0, 0, 1, 0) { Cursor = cursor };
        }

        var (document, mediaType) = await ExtractorCatalog.ExtractAsync(
            response.Content, url.Segments[^1], response.MediaType, response.FinalUrl, response.Charset, cancellationToken).ConfigureAwait(false);
        var fingerprint = FileBlobStore.ComputeHash(System.Text.Encoding.UTF8.GetBytes(document.Text));
        var externalId = "page:" + UrlNormalizer.Canonicalize(url);
        var known = await sink.FindAsync(externalId, cancellationToken).ConfigureAwait(false);
        if (known is null)
        {
            var batch = sink.StartBatch();
            var outcome = await sink.AddContentAsync(batch, source, externalId, url, response.Content, mediaType, sink.NewItem(ItemKind.Article), fingerprint, cancellationToken).ConfigureAwait(false);
            await sink.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
            return new CollectResult(outcome == SinkOutcome.New ? 1 : 0, 0, outcome == SinkOutcome.New ? 0 : 1, 0) { Cursor = cursor, Name = document.Title };
        }

        if (known.Value.Record.Fingerprint == fingerprint)
        {
            return new CollectResult(0, 0, 1, 0) { Cursor = cursor };
        }

        var record = known.Value.Record with { Fingerprint = fingerprint };
        var updated = await sink.AddVersionAsync(known.Value.Item.Id, record, response.Content, mediaType, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        return new CollectResult(0, updated == SinkOutcome.Updated ? 1 : 0, updated == SinkOutcome.Updated ? 0 : 1, 0) { Cursor = cursor };
    }

    /// <summary>HTTP validators to send next time.</summary>
    public static Dictionary<string, string> Cursor(FetchResult response, Source source)
    {
        var cursor = new Dictionary<string, string>(source.Cursor);
        if (response.ETag is not null)
        {
            cursor["etag"] = response.ETag;
        }

        if (response.LastModified is { } modified)
        {
            cursor["lastModified"] = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        return cursor;
    }
}
