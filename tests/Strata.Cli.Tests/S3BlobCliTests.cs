using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Postgres;
using Strata.Testing.S3;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>
/// The CLI with originals in an S3-compatible bucket (a SigV4-verifying server on loopback): what is added lands
/// in the bucket, and <c>check</c>, <c>reprocess</c> and <c>migrate</c> read it back from there.
/// </summary>
public sealed class S3BlobCliTests : IDisposable
{
    private const string Bucket = "strata-originals";
    private readonly TempDirectory _directory = new("strata-s3-cli");

    internal static Dictionary<string, string> S3Environment(FakeS3Server server, string bucket = Bucket, string? secret = null) => new()
    {
        ["STRATA__STORE__BLOBS"] = "s3",
        ["STRATA__STORE__S3__ENDPOINT"] = server.Endpoint.ToString(),
        ["STRATA__STORE__S3__BUCKET"] = bucket,
        ["STRATA__STORE__S3__PREFIX"] = "kb1",
        ["STRATA__STORE__S3__ACCESSKEY"] = server.AccessKey,
        ["STRATA__STORE__S3__SECRETKEY"] = secret ?? server.SecretKey,
    };

    [Fact]
    public async Task Sqlite_WithS3Originals_AddsToTheBucketAndReadsThemBack()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        var environment = S3Environment(server);
        var data = _directory.Combine("data");
        _directory.Write("notes/tides.md", "# Tides\n\nThe tides follow the moon across the harbour.\n");
        _directory.Write("notes/lighthouse.md", "# Lighthouses\n\nA lighthouse keeper trims the lamp at dusk.\n");

        var add = await CliProcess.RunWithEnvironmentAsync(data, environment, "add", _directory.Combine("notes"));
        var check = await CliProcess.RunWithEnvironmentAsync(data, environment, "check");
        var reprocess = await CliProcess.RunWithEnvironmentAsync(data, environment, "reprocess", "--all");
        var search = await CliProcess.RunWithEnvironmentAsync(data, environment, "search", "lighthouses", "--json");
        var doctor = await CliProcess.RunWithEnvironmentAsync(data, environment, "doctor", "--json");
        var copy = _directory.Combine("copy");
        var migrate = await CliProcess.RunWithEnvironmentAsync(data, environment, "migrate", "--to", copy);
        var checkCopy = await CliProcess.RunAsync(copy, "check"); // local pack files only: the originals came out of the bucket

        Assert.True(add.ExitCode == 0, add.Error + add.Out);
        var keys = server.Keys(Bucket);
        Assert.Equal(2, keys.Count);
        Assert.All(keys, key => Assert.StartsWith("kb1/", key, StringComparison.Ordinal));
        Assert.Contains(server.Object(Bucket, keys[0])!, bytes => bytes == (byte)'#');
        Assert.False(Directory.Exists(Path.Combine(data, "blobs", "packs")), "no originals are written locally");
        Assert.True(check.ExitCode == 0, check.Error + check.Out);
        Assert.Contains("checked 2 original(s): all intact", check.Out, StringComparison.Ordinal);
        Assert.True(reprocess.ExitCode == 0, reprocess.Error + reprocess.Out);
        Assert.Contains("Lighthouses", search.Out, StringComparison.Ordinal);
        var report = JsonDocument.Parse(doctor.Out).RootElement;
        Assert.Equal("sqlite", report.GetProperty("store").GetString());
        Assert.Equal("S3-compatible bucket (SigV4)", report.GetProperty("blobStore").GetString());
        Assert.Equal($"s3://{Bucket}/kb1/ at {server.Endpoint.GetLeftPart(UriPartial.Authority)}", report.GetProperty("originals").GetString());
        Assert.DoesNotContain(server.SecretKey, doctor.Out, StringComparison.Ordinal);
        Assert.True(migrate.ExitCode == 0, migrate.Error + migrate.Out);
        Assert.True(checkCopy.ExitCode == 0, checkCopy.Error + checkCopy.Out);
        Assert.Contains("checked 2 original(s): all intact", checkCopy.Out, StringComparison.Ordinal);
        Assert.Equal(0, server.Rejected);
    }

    [Fact]
    public async Task Check_ObjectChangedInTheBucket_ReportsTheItemAndExitsOne()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        var environment = S3Environment(server);
        var data = _directory.Combine("data");
        _directory.Write("notes/tides.md", "# Tides\n\nThe tides follow the moon.\n");
        Assert.Equal(0, (await CliProcess.RunWithEnvironmentAsync(data, environment, "add", _directory.Combine("notes"))).ExitCode);
        server.Overwrite(Bucket, Assert.Single(server.Keys(Bucket)), "# Tides\n\nchanged behind our back\n"u8.ToArray());

        var check = await CliProcess.RunWithEnvironmentAsync(data, environment, "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("original is corrupt", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WrongSecretOrMissingBucket_FailsWithOneLineNamingTheEndpoint()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        const string wrongSecret = "wrong-secret-wrong-secret-wrong-secret";
        var data = _directory.Combine("data");

        var refused = await CliProcess.RunWithEnvironmentAsync(data, S3Environment(server, secret: wrongSecret), "doctor");
        var missing = await CliProcess.RunWithEnvironmentAsync(data, S3Environment(server, bucket: "absent"), "doctor");
        var unconfigured = await CliProcess.RunWithEnvironmentAsync(data, new Dictionary<string, string> { ["STRATA__STORE__BLOBS"] = "s3" }, "doctor");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("SignatureDoesNotMatch", refused.Error, StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.GetLeftPart(UriPartial.Authority), refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, refused.Error + refused.Out, StringComparison.Ordinal);
        Assert.Single(refused.Error.Trim().Split('\n'));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("bucket 'absent' does not exist", missing.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, unconfigured.ExitCode);
        Assert.Contains("Store.S3.Endpoint", unconfigured.Error, StringComparison.Ordinal);
        Assert.Contains("STRATA__STORE__S3__SECRETKEY", unconfigured.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}

/// <summary>A PostgreSQL base whose originals are in an S3-compatible bucket: the server-mode layout.</summary>
public sealed class PostgresS3BlobCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Bucket = "shared-originals";
    private readonly TempDirectory _directory = new("strata-pg-s3-cli");

    [Fact]
    public async Task Postgres_WithS3Originals_WorkerProcessesWhatAnotherProcessAdded()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        var environment = S3BlobCliTests.S3Environment(server, Bucket);
        environment["STRATA__STORE__PROVIDER"] = "postgres";
        environment["STRATA_POSTGRES"] = await database.CreateSchemaAsync();
        _directory.Write("notes/tides.md", "# Tides\n\nThe tides follow the moon across the harbour.\n");
        _directory.Write("notes/知识.md", "# 知识库\n\n这是一个个人知识库。\n");

        // Two machines' worth of data directories: nothing but the database and the bucket is shared.
        var add = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("web"), environment, "add", _directory.Combine("notes"));
        var check = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("worker"), environment, "check");
        var reprocess = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("worker"), environment, "reprocess", "--all");
        var search = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("worker"), environment, "search", "知识库", "--json");
        var doctor = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("worker"), environment, "doctor", "--json");

        Assert.True(add.ExitCode == 0, add.Error + add.Out);
        Assert.Equal(2, server.Keys(Bucket).Count);
        Assert.True(check.ExitCode == 0, check.Error + check.Out);
        Assert.Contains("checked 2 original(s): all intact", check.Out, StringComparison.Ordinal);
        Assert.True(reprocess.ExitCode == 0, reprocess.Error + reprocess.Out);
        Assert.Contains("知识库", search.Out, StringComparison.Ordinal);
        var report = JsonDocument.Parse(doctor.Out).RootElement;
        Assert.Equal("postgres", report.GetProperty("store").GetString());
        Assert.Equal("S3-compatible bucket (SigV4)", report.GetProperty("blobStore").GetString());
        Assert.False(Directory.Exists(_directory.Combine("web", "blobs")) && Directory.EnumerateFiles(_directory.Combine("web", "blobs"), "*", SearchOption.AllDirectories).Any(),
            "no originals are written to the local folder");
    }

    [Fact]
    public async Task TwoWebOnlyServersAndAWorker_OnPostgresWithS3_UploadsAreQueuedThenProcessedByTheWorker()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        var environment = S3BlobCliTests.S3Environment(server, Bucket);
        environment["STRATA__STORE__PROVIDER"] = "postgres";
        environment["STRATA_POSTGRES"] = await database.CreateSchemaAsync();
        environment["STRATA__WEB__WEBONLY"] = "true"; // the config equivalent of --web-only

        await using (var first = await RunningServer.StartAsync(_directory.Combine("web1"), environment))
        await using (var second = await RunningServer.StartAsync(_directory.Combine("web2"), environment))
        {
            using var one = await first.Http.PostAsJsonAsync("/api/v1/items", new { note = "# Harbour one\n\nMarker qzwebone from the first server.\n" });
            using var two = await second.Http.PostAsJsonAsync("/api/v1/items", new { note = "# Harbour two\n\nMarker qzwebtwo from the second server.\n" });
            Assert.Equal(HttpStatusCode.Created, one.StatusCode);
            Assert.Equal(HttpStatusCode.Created, two.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.Equal(2, PendingJobs(await CliProcess.RunWithEnvironmentAsync(_directory.Combine("probe"), environment, "doctor", "--json")));
            Assert.Contains("web only", await first.StopAsync(), StringComparison.Ordinal);
            await second.StopAsync();
        }

        var worker = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("worker"), environment, "worker", "--until-empty", "--idle", "0.2");
        var search = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("probe"), environment, "search", "harbour", "--json");

        Assert.True(worker.ExitCode == 0, worker.Error + worker.Out);
        Assert.Contains("processed 2 item(s)", worker.Out, StringComparison.Ordinal);
        Assert.Contains("Harbour one", search.Out, StringComparison.Ordinal);
        Assert.Contains("Harbour two", search.Out, StringComparison.Ordinal);
        Assert.Equal(2, server.Keys(Bucket).Count);
        Assert.Equal(0, PendingJobs(await CliProcess.RunWithEnvironmentAsync(_directory.Combine("probe"), environment, "doctor", "--json")));
    }

    private static int PendingJobs(CliProcess.Result doctor) => JsonDocument.Parse(doctor.Out).RootElement.GetProperty("pendingJobs").GetInt32();

    public void Dispose() => _directory.Dispose();
}
