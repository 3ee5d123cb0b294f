using System.Globalization;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Sources.Arxiv;
using Strata.Sources.Http;
using Strata.Sources.Steps;

namespace Strata.Hosting.Collection;

/// <summary>
/// Runs an arXiv query through arXiv's Atom API. Each paper is one item keyed by its arXiv id: the PDF is
/// archived and extracted, with arXiv's title, authors, dates and abstract kept. A new version of a paper becomes
/// a new snapshot of the same item, never a second item.
/// </summary>
/// <remarks>The query and its papers are what the user asked for, so they are fetched as user requests (robots.txt
/// is for crawling, and arXiv's API exists for exactly this use); politeness and retries still apply.</remarks>
public sealed class ArxivCollector(ItemSink sink, PoliteFetcher fetcher, CollectionOptions options) : ISourceCollector
{
    public SourceType Type => SourceType.Arxiv;

    public static string ExternalIdOf(string arxivId) => "arxiv:" + arxivId;

    public async Task<CollectResult> CollectAsync(Source source, CancellationToken cancellationToken)
    {
        var url = ArxivQuery.BuildUrl(options.ArxivApiBase, source.Target, source.Settings.GetValueOrDefault("category"), 0, options.ArxivPageSize);
        var response = await fetcher.FetchAsync(url, null, FetchPurpose.UserRequested, cancellationToken).ConfigureAwait(false);
        var page = ArxivFeedParser.Parse(response.Content);
        int added = 0, updated = 0, unchanged = 0, failed = 0;
        var problems = new List<string>();
        var batch = sink.StartBatch();
        foreach (var entry in page.Entries)
        {
            var externalId = ExternalIdOf(entry.ArxivId);
            var known = await sink.FindAsync(externalId, cancellationToken).ConfigureAwait(false);
            var knownVersion = known is { } k && int.TryParse(k.Record.Fingerprint, CultureInfo.InvariantCulture, out var v) ? v : 0;
            if (known is not null && entry.Version <= knownVersion)
            {
                unchanged++;
                continue;
            }

            try
            {
                var pdf = await FetchPdfAsync(entry, cancellationToken).ConfigureAwait(false);
                var fingerprint = entry.Version.ToString(CultureInfo.InvariantCulture);
                if (known is { } existing)
                {
                    var record = new Provenance(source.Id, externalId, entry.AbsUrl.ToString(), fingerprint, existing.Record.SeenAt);
                    var outcome = await sink.AddVersionAsync(existing.Item.Id, record, pdf, "application/pdf", Metadata(entry), cancellationToken).ConfigureAwait(false);
                    _ = outcome == SinkOutcome.Updated ? updated++ : unchanged++;
                }
                else
                {
                    var template = sink.NewItem(ItemKind.Paper, entry.Title) with
                    {
                        Byline = string.Join(", ", entry.Authors),
                        PublishedAt = entry.Published,
                        Excerpt = entry.Abstract,
                        Metadata = Metadata(entry),
                    };
                    var outcome = await sink.AddContentAsync(batch, source, externalId, AbsUrlWithoutVersion(entry), pdf, "application/pdf", template, fingerprint, cancellationToken).ConfigureAwait(false);
                    _ = outcome == SinkOutcome.New ? added++ : unchanged++;
                }
            }
            catch (FetchException exception)
            {
                failed++;
                problems.Add($"arXiv {entry.ArxivId}v{entry.Version}: {exception.Message}");
            }
        }

        await sink.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        return new CollectResult(added, updated, unchanged, failed) { Problems = problems, Name = $"arXiv: {source.Target}" };
    }

    private async Task<byte[]> FetchPdfAsync(ArxivEntry entry, CancellationToken cancellationToken)
    {
        var pdfUrl = entry.PdfUrl ?? new Uri(options.ArxivApiBase, $"/pdf/{entry.ArxivId}v{entry.Version}");
        return (await fetcher.FetchAsync(pdfUrl, null, FetchPurpose.UserRequested, cancellationToken).ConfigureAwait(false)).Content;
    }

    private static Uri AbsUrlWithoutVersion(ArxivEntry entry) => new($"https://arxiv.org/abs/{entry.ArxivId}");

    private static Dictionary<string, string> Metadata(ArxivEntry entry)
    {
        var metadata = new Dictionary<string, string>
        {
            ["arxiv.id"] = entry.ArxivId,
            ["arxiv.version"] = entry.Version.ToString(CultureInfo.InvariantCulture),
            ["arxiv.categories"] = string.Join(' ', entry.Categories),
            ["arxiv.updated"] = entry.Updated.ToString("O", CultureInfo.InvariantCulture),
            ["authors"] = string.Join("; ", entry.Authors),
            [ExtractStep.LockedFieldsKey] = ExtractStep.Lock("title", "byline", "published"),
        };
        if (entry.PrimaryCategory is not null)
        {
            metadata["arxiv.primaryCategory"] = entry.PrimaryCategory;
        }

        if (entry.Doi is not null)
        {
            metadata["doi"] = entry.Doi;
        }

        return metadata;
    }
}
