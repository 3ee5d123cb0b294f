using System.Globalization;
using System.Text;
using Strata.Core.Items;
using Strata.Hosting.Ingest;
using Strata.Sources.Http;
using Strata.Sources.Imports;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class ImportTests
{
    private const long SavedUnix = 1_700_000_000;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Saved = DateTimeOffset.FromUnixTimeSeconds(SavedUnix);

    public static TheoryData<ImportFormat, string, string, string?> Exports => new()
    {
        { ImportFormat.NetscapeBookmarks, "bookmarks.html", """
            <!DOCTYPE NETSCAPE-Bookmark-file-1><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8"><TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
            <DL><p><DT><H3 ADD_DATE="1600000000">Reading</H3><DL><p>
            <DT><A HREF="{one}" ADD_DATE="1700000000" TAGS="essays">One</A>
            </DL><p><DT><A HREF="{two}" ADD_DATE="1600000000">Two</A></DL><p>
            """, "reading" },
        { ImportFormat.Pocket, "ril_export.html", """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>Pocket Export</title></head><body>
            <h1>Unread</h1><ul><li><a href="{one}" time_added="1700000000" tags="essays">One</a></li></ul>
            <h1>Read Archive</h1><ul><li><a href="{two}" time_added="1600000000" tags="">Two</a></li></ul></body></html>
            """, "essays" },
        { ImportFormat.Omnivore, "omnivore.json", """
            [{"id": "a1", "title": "One", "url": "{one}", "labels": ["Essays"], "savedAt": "2023-11-14T22:13:20.000Z", "state": "Succeeded"},
             {"id": "a2", "title": "Two", "url": "{two}", "labels": [], "savedAt": "2020-09-13T12:26:40.000Z", "state": "Archived"}]
            """, "essays" },
        { ImportFormat.ReadwiseReader, "readwise.csv", """
            Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen
            One,{one},01h1,"['essays']",2023-11-14 22:13:20+00:00,0,later,False
            Two,{two},01h2,[],2020-09-13 12:26:40+00:00,1,archive,True
            """, "essays" },
        { ImportFormat.Karakeep, "karakeep.json", """
            {"bookmarks": [
              {"createdAt": 1700000000, "title": "One", "tags": ["Essays"], "content": {"type": "link", "url": "{one}"}, "note": null, "archived": false},
              {"createdAt": 1600000000, "title": "Two", "tags": [], "content": {"type": "link", "url": "{two}"}, "note": null, "archived": true}]}
            """, "essays" },
        { ImportFormat.UrlList, "urls.txt", "# reading list\n{one}\tOne\n{two}\tTwo\n", null },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task ImportAsync_EachFormatWithoutFetch_KeepsTagsAndDatesAndQueuesFetches(ImportFormat format, string fileName, string export, string? tag)
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Page("one", FeedDocuments.Article("One")).Page("two", FeedDocuments.Article("Two")));
        await using var fixture = await CollectionSetup.CreateAsync();
        var path = fixture.Input(fileName, export.Replace("{one}", server.Url("/page/one").ToString(), StringComparison.Ordinal).Replace("{two}", server.Url("/page/two").ToString(), StringComparison.Ordinal));

        var report = await fixture.Kb.ImportAsync(path, null, new AddOptions { Tags = ["imported"] }, fetch: false, null, None);

        Assert.Equal(format, report.Format);
        Assert.Equal((2, 0), (report.Imported, report.AlreadyPresent));
        Assert.Empty(server.Requests);
        var items = await fixture.Kb.AllItemsAsync();
        var one = items.Single(item => item.Title == "One");
        Assert.All(items, item => Assert.Equal(ItemState.Queued, item.State));
        Assert.All(items, item => Assert.Contains("imported", item.Tags.Select(t => t.Name)));
        if (tag is not null)
        {
            Assert.Contains(tag, one.Tags.Select(t => t.Name));
            Assert.Equal(Saved, one.CollectedAt);
            Assert.Equal(Saved, DateTimeOffset.Parse(one.Metadata["savedAt"], CultureInfo.InvariantCulture));
        }

        var processed = await fixture.Kb.ProcessQueueAsync(null, None);

        Assert.Equal(2, processed.Processed);
        Assert.Single(server.To("/page/one"));
        Assert.Single(server.To("/page/two"));
        var fetched = (await fixture.Kb.GetAsync(one.Id, None))!;
        Assert.Equal(ItemState.Indexed, fetched.State);
        Assert.Equal("One", fetched.Title);
        Assert.Contains(FeedDocuments.ArticleOnly, fetched.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_WithFetch_FetchesPagesNowAndSkipsKnownUrlsNextTime()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Page("one", FeedDocuments.Article("One")));
        await using var fixture = await CollectionSetup.CreateAsync();
        var path = fixture.Input("urls.txt", $"{server.Url("/page/one")}\n{server.Url("/page/one?utm_source=newsletter")}\n");

        var first = await fixture.Kb.ImportAsync(path, null, new AddOptions(), fetch: true, null, None);
        var again = await fixture.Kb.ImportAsync(path, ImportFormat.UrlList, new AddOptions(), fetch: true, null, None);

        Assert.Equal((1, 1), (first.Imported, first.AlreadyPresent));
        Assert.Equal((0, 2), (again.Imported, again.AlreadyPresent));
        Assert.Equal(ItemState.Indexed, Assert.Single(await fixture.Kb.AllItemsAsync()).State);
        Assert.Single(server.To("/page/one"));
    }

    [Fact]
    public async Task ImportAsync_10000BookmarksInterruptedThenRerun_HasEachExactlyOnce()
    {
        const int Distinct = 10_000;
        await using var fixture = await CollectionSetup.CreateAsync();
        var path = fixture.Input("big.html", Netscape(Distinct));
        using var cancel = new CancellationTokenSource();
        var reports = new CancelAfter(3, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Kb.ImportAsync(path, null, new AddOptions(), fetch: false, reports, cancel.Token));
        var partial = (await fixture.Kb.AllItemsAsync()).Count;
        await fixture.ReopenAsync();
        var rerun = await fixture.Kb.ImportAsync(path, null, new AddOptions(), fetch: false, null, None);

        Assert.InRange(partial, 1, Distinct - 1);
        var summaries = await fixture.Kb.ListAsync(new Core.Storage.ItemFilter { Limit = 100_000 }, None);
        Assert.Equal(Distinct, summaries.Count);
        Assert.Equal(Distinct, summaries.Select(item => UrlNormalizer.Canonicalize(new Uri(item.Url!)).ToString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Distinct - partial, rerun.Imported);
    }

    /// <summary>A Netscape export of <paramref name="distinct"/> URLs in ten folders; every 100th repeats an earlier one with tracking parameters.</summary>
    private static string Netscape(int distinct)
    {
        var html = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
        for (var index = 0; index < distinct; index++)
        {
            if (index % 1000 == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<DT><H3>Folder {index / 1000}</H3>\n");
            }

            html.Append(CultureInfo.InvariantCulture, $"<DT><A HREF=\"https://site{index % 7}.example.com/articles/{index}\" ADD_DATE=\"{1_600_000_000 + index}\">Article {index}</A>\n");
            if (index % 100 == 99)
            {
                html.Append(CultureInfo.InvariantCulture, $"<DT><A HREF=\"https://site{(index - 50) % 7}.example.com/articles/{index - 50}?utm_source=rss\">Repeat</A>\n");
            }
        }

        return html.Append("</DL><p>\n").ToString();
    }

    /// <summary>Cancels after <paramref name="reports"/> progress reports, synchronously (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class CancelAfter(int reports, CancellationTokenSource cancel) : IProgress<IngestProgress>
    {
        private int _seen;

        public void Report(IngestProgress value)
        {
            if (Interlocked.Increment(ref _seen) == reports)
            {
                cancel.Cancel();
            }
        }
    }
}
