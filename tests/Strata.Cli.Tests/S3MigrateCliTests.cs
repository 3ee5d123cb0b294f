using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Postgres;
using Strata.Testing.S3;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>
/// <c>strata migrate --blobs s3</c>: a SQLite base with local originals moves to PostgreSQL with its originals in a
/// bucket (a SigV4-verifying server on loopback), resumably and verified by reading every original back; and back
/// to SQLite with local pack files.
/// </summary>
public sealed class S3MigrateCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Bucket = "strata-originals";
    private readonly TempDirectory _directory = new("strata-s3-migrate");

    [Fact]
    public async Task Migrate_ToPostgresWithS3Originals_CopiesResumesVerifiesAndComesBack()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        var original = _directory.Combine("original");
        _directory.Write("notes/tides.md", "# Tides\n\nThe tides follow the moon across the quiet harbour.\n");
        _directory.Write("notes/harbour.md", "# Harbour notes\n\nA quiet harbour at dawn; boats and gulls.\n");
        _directory.Write("notes/moon.txt", "Moon notes: phases, the moon and the sea.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(original, "add", _directory.Combine("notes"))).ExitCode);
        // The source keeps its pack files: only the bucket's settings are given, not Store.Blobs = s3.
        var bucketSettings = S3BlobCliTests.S3Environment(server);
        bucketSettings.Remove("STRATA__STORE__BLOBS");
        var connection = await database.CreateSchemaAsync();

        var first = await CliProcess.RunWithEnvironmentAsync(original, bucketSettings, "migrate", "--to", connection, "--blobs", "s3", "--json");
        var keys = server.Keys(Bucket);
        Assert.True(server.Remove(Bucket, keys[0])); // as if the first run had stopped before this upload
        var resumed = await CliProcess.RunWithEnvironmentAsync(original, bucketSettings, "migrate", "--to", connection, "--blobs", "s3", "--json");
        server.Overwrite(Bucket, keys[1], "changed in the bucket"u8.ToArray());
        var damaged = await CliProcess.RunWithEnvironmentAsync(original, bucketSettings, "migrate", "--to", connection, "--blobs", "s3", "--json");
        server.Remove(Bucket, keys[1]);
        var repaired = await CliProcess.RunWithEnvironmentAsync(original, bucketSettings, "migrate", "--to", connection, "--blobs", "s3", "--json");

        var onPostgres = new Dictionary<string, string>(S3BlobCliTests.S3Environment(server))
        {
            ["STRATA__STORE__PROVIDER"] = "postgres",
            ["STRATA_POSTGRES"] = connection,
        };
        var pgData = _directory.Combine("pg-data");
        var check = await CliProcess.RunWithEnvironmentAsync(pgData, onPostgres, "check");
        var back = _directory.Combine("back");
        var toSqlite = await CliProcess.RunWithEnvironmentAsync(pgData, onPostgres, "migrate", "--to", back, "--json");
        var checkBack = await CliProcess.RunAsync(back, "check");
        var missingSettings = await CliProcess.RunAsync(original, "migrate", "--to", connection, "--blobs", "s3");

        Assert.Equal((3, 3, true), Blobs(first));
        Assert.Equal(3, keys.Count);
        Assert.All(keys, key => Assert.StartsWith("kb1/", key, StringComparison.Ordinal));
        Assert.Equal((1, 3, true), Blobs(resumed));
        Assert.Equal(1, damaged.ExitCode);
        Assert.Equal((0, 2, false), Blobs(damaged));
        Assert.Contains(keys[1][^64..], JsonDocument.Parse(damaged.Out).RootElement.GetProperty("damagedBlobs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 3, true), Blobs(repaired));
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Contains("checked 3 original(s): all intact", check.Out, StringComparison.Ordinal);
        Assert.Equal((3, 3, true), Blobs(toSqlite));
        Assert.True(checkBack.ExitCode == 0, checkBack.Out + checkBack.Error);
        Assert.Contains("checked 3 original(s): all intact", checkBack.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, missingSettings.ExitCode);
        Assert.Contains("--blobs s3", missingSettings.Error + missingSettings.Out, StringComparison.Ordinal);
        Assert.Equal(0, server.Rejected);
    }

    private static (int Copied, int Checked, bool Verified) Blobs(CliProcess.Result result)
    {
        var report = JsonDocument.Parse(result.Out).RootElement;
        return (report.GetProperty("blobsCopied").GetInt32(), report.GetProperty("blobsChecked").GetInt32(), report.GetProperty("verified").GetBoolean());
    }

    public void Dispose() => _directory.Dispose();
}
