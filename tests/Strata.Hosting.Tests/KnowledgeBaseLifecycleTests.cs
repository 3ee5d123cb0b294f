using Microsoft.AspNetCore.Http;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting.Ingest;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests;

public sealed class KnowledgeBaseLifecycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string ArticleHtml = """
        <html lang="en"><head><title>Loopback article | Fixture Site</title>
        <meta property="og:site_name" content="Fixture Site"><link rel="canonical" href="http://example.org/loopback-article?utm_source=x">
        <meta name="author" content="Ada Lovelace"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Loopback article</h1>
        <p>Analytical engines weave algebraic patterns just as the Jacquard loom weaves flowers and leaves.</p>
        <p>The engine might compose elaborate and scientific pieces of music of any degree of complexity.</p></article>
        <footer>All rights reserved</footer></body></html>
        """;

    [Fact]
    public async Task AddAsync_Url_FetchesArchivesExtractsAndRecognisesItAgain()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Page("article", ArticleHtml));
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var url = server.Url("/page/article").ToString();

        var first = await fixture.Kb.AddAsync([url], new AddOptions(), null, None);
        var again = await fixture.Kb.AddAsync([url + "?utm_campaign=mail"], new AddOptions(), null, None);

        var id = Assert.Single(first.Entries).ItemId!;
        var item = await fixture.Kb.GetAsync(id, None);
        Assert.Equal(ItemState.Indexed, item!.State);
        Assert.Equal(ItemKind.Article, item.Kind);
        Assert.Equal("Ada Lovelace", item.Byline);
        Assert.Contains("Jacquard loom", item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", item.Text, StringComparison.Ordinal);
        Assert.NotNull(item.ContentHash);
        Assert.Equal(IngestOutcome.AlreadyPresent, Assert.Single(again.Entries).Outcome);
        Assert.Single(await fixture.Kb.SearchAsync("jacquard", 5, None));
        Assert.Contains(server.Requests, request => request.Headers.TryGetValue("User-Agent", out var agent) && agent.Contains("Strata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddAsync_UrlFailures_RecordPermanentAndTransientAndRetryRecovers()
    {
        var calls = 0;
        await using var server = await FixtureServer.StartAsync(routes => routes.Map("/flaky", async context =>
        {
            // Fails more often than the fetcher retries by itself, then recovers.
            if (Interlocked.Increment(ref calls) <= 3)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ArticleHtml);
        }));
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();

        var report = await fixture.Kb.AddAsync([server.Url("/status/404").ToString(), server.Url("/flaky").ToString()], new AddOptions(), null, None);

        Assert.Equal(2, report.Count(IngestOutcome.Failed));
        Assert.Contains("HTTP 404", report.Entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", report.Entries[1].Message, StringComparison.Ordinal);
        Assert.Equal(3, calls);
        Assert.Contains("strata retry", report.Entries[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, (await fixture.Kb.ListAsync(new ItemFilter { FailedOnly = true }, None)).Count);

        var (queued, retry) = await fixture.Kb.RetryAsync(includePermanent: false, null, None);

        Assert.Equal(1, queued);
        Assert.Empty(retry.Failures);
        var remaining = Assert.Single(await fixture.Kb.ListAsync(new ItemFilter { FailedOnly = true }, None));
        Assert.Contains("404", remaining.Error, StringComparison.Ordinal);
        Assert.Single(await fixture.Kb.SearchAsync("analytical engines", 5, None));
    }

    [Fact]
    public async Task ProcessQueueAsync_AfterCrashMidBatch_ResumesAndLosesNothing()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync(options => options.Pipeline.BatchSize = 4);
        for (var index = 0; index < 10; index++)
        {
            fixture.Input($"doc{index}.md", $"# Document {index}\n\nUnique marker word{index} in body.");
        }

        // Collect only, as if the process died before processing: originals and jobs are persisted.
        await using var store = new Storage.Sqlite.SqliteItemStore(fixture.Data.DatabasePath);
        await fixture.Kb.AddAsync([fixture.Inputs], new AddOptions(), null, None);
        await store.RequeueForReprocessAsync(null, None);
        var inFlight = await store.ClaimJobsAsync(4, DateTimeOffset.UtcNow.AddSeconds(1), None);
        Assert.Equal(4, inFlight.Count);

        await fixture.ReopenAsync();
        var report = await fixture.Kb.ProcessQueueAsync(null, None);

        Assert.Equal(10, report.Processed);
        Assert.Equal(10, (await fixture.Kb.StatisticsAsync(None)).ByState["indexed"]);
        for (var index = 0; index < 10; index++)
        {
            Assert.Single(await fixture.Kb.SearchAsync($"word{index}", 5, None));
        }
    }

    [Fact]
    public async Task CheckAsync_CorruptAndMissingOriginals_AreReported()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var report = await fixture.Kb.AddAsync([fixture.Input("a.md", "# A\n\nalpha"), fixture.Input("b.md", "# B\n\nbeta"), fixture.Input("c.md", "# C\n\ngamma")], new AddOptions(), null, None);
        var a = (await fixture.Kb.GetAsync(report.Entries[0].ItemId!, None))!;
        var b = (await fixture.Kb.GetAsync(report.Entries[1].ItemId!, None))!;
        Assert.Empty((await fixture.Kb.CheckAsync(None)).Problems);

        // Flip one byte of a's original inside its pack, and drop b's entry from the pack index.
        await fixture.ReopenAsync();
        await using (var blobs = new Storage.Sqlite.Blobs.PackBlobStore(fixture.Data.BlobsPath))
        {
            var (pack, offset, _) = blobs.Locate(a.ContentHash!)!.Value;
            await using (var stream = new FileStream(pack, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                stream.Position = offset;
                var first = stream.ReadByte();
                stream.Position = offset;
                stream.WriteByte((byte)(first ^ 0xFF));
            }

            Assert.True(blobs.Delete(b.ContentHash!));
        }

        var check = await fixture.Kb.CheckAsync(None);

        Assert.Equal(3, check.Checked);
        Assert.Equal(2, check.Problems.Count);
        Assert.Contains(check.Problems, problem => problem.ItemId == a.Id && problem.Message.Contains("corrupt", StringComparison.Ordinal));
        Assert.Contains(check.Problems, problem => problem.ItemId == b.Id && problem.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReprocessAsync_All_ReextractsFromOriginalsAndKeepsSearch()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        await fixture.Kb.AddAsync([fixture.Input("r.md", "# Reprocess me\n\nKeep searching for ocelots.")], new AddOptions(), null, None);
        var path = fixture.Directory.Combine("inputs", "r.md");
        File.Delete(path);

        var (queued, report) = await fixture.Kb.ReprocessAsync(null, null, None);

        Assert.Equal(1, queued);
        Assert.Equal(1, report.Processed);
        Assert.Empty(report.Failures);
        Assert.Single(await fixture.Kb.SearchAsync("ocelots", 5, None));
    }

    [Fact]
    public async Task DeleteAsync_WithPurge_RemovesOriginalWithoutPurgeKeepsIt()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var report = await fixture.Kb.AddAsync([fixture.Input("k.md", "# Keep\n\nkept"), fixture.Input("p.md", "# Purge\n\npurged")], new AddOptions(), null, None);
        var kept = (await fixture.Kb.GetAsync(report.Entries[0].ItemId!, None))!;
        var purged = (await fixture.Kb.GetAsync(report.Entries[1].ItemId!, None))!;
        await fixture.Kb.DeleteAsync(kept.Id, purge: false, None);
        var result = await fixture.Kb.DeleteAsync(purged.Id, purge: true, None);
        await using var blobs = new Storage.Sqlite.Blobs.PackBlobStore(fixture.Data.BlobsPath);

        Assert.True(blobs.Exists(kept.ContentHash!));
        Assert.False(blobs.Exists(purged.ContentHash!));
        Assert.Equal(1, result!.Value.PurgedOriginals);
        Assert.Empty(await fixture.Kb.SearchAsync("purged", 5, None));
    }
}
