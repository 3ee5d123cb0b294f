using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Testing.S3;
using Xunit;

namespace Strata.Hosting.Tests.Blobs;

/// <summary>A knowledge base whose originals are in an S3 bucket: ingest, an outage while processing, recovery.</summary>
public sealed class S3KnowledgeBaseTests
{
    private const string Bucket = "kb-originals";
    private static readonly CancellationToken None = CancellationToken.None;

    private static Action<StrataOptions> UseBucket(FakeS3Server server) => options =>
    {
        options.Store.Blobs = BlobStoreKind.S3;
        options.Store.S3.Endpoint = server.Endpoint.ToString();
        options.Store.S3.Bucket = Bucket;
        options.Store.S3.AccessKey = server.AccessKey;
        options.Store.S3.SecretKey = server.SecretKey;
        options.Store.S3.Timeout = TimeSpan.FromSeconds(5);
    };

    [Fact]
    public async Task Processing_DuringAnOutage_FailsTransientlyAndRetryRecoversFromTheBucket()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var fixture = await KnowledgeBaseFixture.CreateAsync(UseBucket(server));
        fixture.Kb.LeaveQueueToWorkers(); // store and queue only, as a web-only server would
        var added = await fixture.Kb.AddNoteAsync("# Estuary\n\nSalt marsh birds at the estuary, marker qzestuary.\n", new AddOptions(), null, None);
        Assert.Equal(IngestOutcome.Added, Assert.Single(added.Entries).Outcome);
        Assert.False(added.Processed);
        Assert.Single(server.Keys(Bucket));

        await fixture.ReopenAsync(); // a worker process
        Assert.False(fixture.Kb.LeavesQueueToWorkers);
        server.Unavailable = true;
        var outage = await fixture.Kb.ProcessQueueAsync(null, None);
        server.Unavailable = false;
        var (queued, retried) = await fixture.Kb.RetryAsync(includePermanent: false, null, None);

        var failure = Assert.Single(outage.Failures);
        Assert.True(failure.IsTransient, failure.Message);
        Assert.Contains("cannot read the archived original", failure.Message, StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.GetLeftPart(UriPartial.Authority), failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, queued);
        Assert.Empty(retried.Failures);
        Assert.Single(await fixture.Kb.SearchAsync("qzestuary", 5, None));
        Assert.Empty((await fixture.Kb.CheckAsync(None)).Problems);
    }
}
