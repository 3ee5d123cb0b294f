using System.Net;
using System.Text;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Sources.Feeds;
using Strata.Sources.Http;
using Strata.Sources.Steps;

namespace Strata.Hosting.Collection;

/// <summary>
/// Polls a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) with a conditional GET. An entry with its full content is
/// archived as it came; an entry with only a summary becomes a link that the pipeline fetches and extracts, so the
/// item holds the full article. Entries are recognised by GUID per source and by canonical URL across sources.
/// </summary>
public sealed class FeedCollector(ItemSink sink, PoliteFetcher fetcher, CollectionOptions options) : ISourceCollector
{
    public SourceType Type => SourceType.Feed;

    public static string ExternalIdOf(string sourceId, string entryId) => $"feed:{sourceId}:{entryId}";

    public async Task<CollectResult> CollectAsync(Source source, CancellationToken cancellationToken)
    {
        var url = new Uri(source.Target);
        var conditions = new FetchConditions(source.Cursor.GetValueOrDefault("etag"), ParseDate(source.Cursor.GetValueOrDefault("lastModified")));
        // The feed URL is one the user gave; the articles it links to are crawled, so they honour robots.txt.
        var response = await fetcher.FetchAsync(url, conditions, FetchPurpose.UserRequested, cancellationToken).ConfigureAwait(false);
        var cursor = PageCollector.Cursor(response, source);
        if (response.NotModified)
        {
            return new CollectResult(0, 0, 0, 0) { Cursor = cursor };
        }

        var feed = FeedParser.Parse(response.Content, response.FinalUrl, options.MaxFeedBytes);
        int added = 0, unchanged = 0, failed = 0;
        var problems = new List<string>();
        var batch = sink.StartBatch();
        foreach (var entry in feed.Entries)
        {
            var externalId = ExternalIdOf(source.Id, entry.Id);
            var template = sink.NewItem(ItemKind.FeedEntry, Clean(entry.Title)) with
            {
                Byline = entry.Authors.Count == 0 ? null : string.Join(", ", entry.Authors),
                PublishedAt = entry.Published ?? entry.Updated,
                SiteName = Clean(feed.Title),
                Tags = entry.Categories.Select(ItemTag.Normalize).Where(tag => tag.Length is > 0 and <= 64).Distinct().Select(tag => new ItemTag(tag, TagOrigin.Source)).ToArray(),
                Metadata = new Dictionary<string, string>
                {
                    ["feed.url"] = source.Target,
                    [ExtractStep.LockedFieldsKey] = ExtractStep.Lock("title", "published"),
                    [FetchStep.AutomaticKey] = "true",
                },
            };
            var fingerprint = entry.Updated?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (entry.HasFullContent || entry.Url is null)
            {
                var html = EntryDocument(entry, feed.Title);
                if (html is null)
                {
                    failed++;
                    problems.Add($"entry '{entry.Title ?? entry.Id}': no link and no content");
                    continue;
                }

                var outcome = await sink.AddContentAsync(batch, source, externalId, entry.Url, Encoding.UTF8.GetBytes(html), "text/html", template, fingerprint, cancellationToken).ConfigureAwait(false);
                _ = outcome == SinkOutcome.New ? added++ : unchanged++;
            }
            else
            {
                var outcome = await sink.AddLinkAsync(batch, source, externalId, entry.Url, template, fingerprint, cancellationToken).ConfigureAwait(false);
                _ = outcome == SinkOutcome.New ? added++ : unchanged++;
            }
        }

        await sink.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        return new CollectResult(added, 0, unchanged, failed) { Cursor = cursor, Name = Clean(feed.Title), Problems = problems };
    }

    /// <summary>The entry as a small HTML document, which is what gets archived and extracted.</summary>
    private static string? EntryDocument(FeedEntry entry, string? feedTitle)
    {
        var body = entry.ContentHtml ?? entry.Summary;
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var title = WebUtility.HtmlEncode(entry.Title ?? string.Empty);
        var author = entry.Authors.Count == 0 ? string.Empty : $"<meta name=\"author\" content=\"{WebUtility.HtmlEncode(string.Join(", ", entry.Authors))}\">";
        var site = feedTitle is null ? string.Empty : $"<meta property=\"og:site_name\" content=\"{WebUtility.HtmlEncode(feedTitle)}\">";
        var link = entry.Url is null ? string.Empty : $"<link rel=\"canonical\" href=\"{WebUtility.HtmlEncode(entry.Url.ToString())}\">";
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>{author}{site}{link}</head><body><article><h1>{title}</h1>{body}</article></body></html>";
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
