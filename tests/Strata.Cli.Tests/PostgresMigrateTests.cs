using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary><c>strata migrate</c>: SQLite → PostgreSQL → SQLite with every table verified and the same search results.</summary>
public sealed class PostgresMigrateTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly string[] Queries = ["tides", "moon harbour", "知识库", "\"quiet harbour\"", "notes -moon"];

    private readonly TempDirectory _directory = new("strata-pg-migrate");

    [Fact]
    public async Task Migrate_SqliteToPostgresAndBack_VerifiesEveryTableAndSearchesAlike()
    {
        var original = _directory.Combine("original");
        _directory.Write("notes/tides.md", "# Tides\n\nThe tides follow the moon across the quiet harbour.\n");
        _directory.Write("notes/harbour.md", "# Harbour notes\n\nA quiet harbour at dawn; boats and gulls.\n");
        _directory.Write("notes/知识.md", "# 知识库\n\n这是一个个人知识库的说明。\n");
        _directory.Write("notes/moon.txt", "Moon notes: phases, the moon and the sea.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(original, "add", _directory.Combine("notes"))).ExitCode);
        var first = JsonDocument.Parse((await CliProcess.RunAsync(original, "search", "tides", "--json")).Out).RootElement[0].GetProperty("id").GetString()!;
        Assert.Equal(0, (await CliProcess.RunAsync(original, "tag", first, "+ocean/tides")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(original, "card", "add", first, "--front", "What moves the tides?", "--back", "The moon")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(original, "mark", first, "--favourite")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(original, "token", "create", "--name", "laptop")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(original, "reprocess", first)).ExitCode); // the tag is indexed too
        var expected = await SearchAllAsync(original, new Dictionary<string, string>());

        var connection = await database.CreateSchemaAsync();
        var sharedBlobs = _directory.Combine("shared-blobs");
        var toPostgres = await CliProcess.RunAsync(original, "migrate", "--to", connection, "--blobs", sharedBlobs, "--json");
        var again = await CliProcess.RunAsync(original, "migrate", "--to", connection, "--blobs", sharedBlobs, "--json");
        var postgres = new Dictionary<string, string>
        {
            ["STRATA__STORE__PROVIDER"] = "postgres",
            ["STRATA_POSTGRES"] = connection,
            ["STRATA__STORE__BLOBPATH"] = sharedBlobs,
        };
        var onPostgres = await SearchAllAsync(_directory.Combine("pg-data"), postgres);
        var roundTrip = _directory.Combine("round-trip");
        var back = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("pg-data"), postgres, "migrate", "--to", roundTrip, "--json");
        var onRoundTrip = await SearchAllAsync(roundTrip, new Dictionary<string, string>());
        var check = await CliProcess.RunAsync(roundTrip, "check");

        AssertVerified(toPostgres, expectCopies: true);
        AssertVerified(again, expectCopies: false);
        AssertVerified(back, expectCopies: true);
        Assert.Equal(expected, onPostgres);
        Assert.Equal(expected, onRoundTrip);
        Assert.All(expected, ids => Assert.NotEmpty(ids));
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Contains("What moves the tides?", (await CliProcess.RunWithEnvironmentAsync(_directory.Combine("pg-data"), postgres, "cards", "list", "--json")).Out, StringComparison.Ordinal);
    }

    private static void AssertVerified(CliProcess.Result result, bool expectCopies)
    {
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.True(report.GetProperty("verified").GetBoolean());
        var tables = report.GetProperty("tables").EnumerateArray().ToArray();
        Assert.All(tables, table => Assert.True(table.GetProperty("matches").GetBoolean(), table.ToString()));
        Assert.Equal(4, tables.Single(table => table.GetProperty("table").GetString() == "items").GetProperty("targetRows").GetInt64());
        Assert.Equal(expectCopies, tables.Sum(table => table.GetProperty("copied").GetInt64()) > 0);
    }

    private static async Task<IReadOnlyList<string[]>> SearchAllAsync(string data, IReadOnlyDictionary<string, string> environment)
    {
        var results = new List<string[]>();
        foreach (var query in Queries)
        {
            var search = await CliProcess.RunWithEnvironmentAsync(data, environment, "search", query, "--mode", "keyword", "--json");
            Assert.True(search.ExitCode == 0, search.Out + search.Error);
            results.Add(JsonDocument.Parse(search.Out).RootElement.EnumerateArray().Select(hit => hit.GetProperty("id").GetString()!).ToArray());
        }

        return results;
    }

    public void Dispose() => _directory.Dispose();
}
