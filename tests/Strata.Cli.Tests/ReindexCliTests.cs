using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>
/// A base whose ranked keyword index is missing: one made by an older Strata (FTS5 kept) still searches, and
/// <c>strata reindex</c> fills the index and retires FTS5; on a base whose FTS5 is already retired, search says to
/// reindex rather than answer from an empty FTS5.
/// </summary>
public sealed class ReindexCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-reindex");

    private string Data => _directory.Combine("data");

    private string Database => Path.Combine(Data, "strata.db");

    [Fact]
    public async Task Reindex_OnABaseMadeBeforeTheRankedIndex_RestoresTheSameResults_AndRetiresFts5()
    {
        await AddNotesAsync();
        var before = Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json"));

        await DropIndexAsync(Database);
        await RefillFts5Async(Database); // as an older Strata kept it

        Assert.Equal(before, Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json"))); // answered by FTS5 meanwhile
        Assert.Equal(["笔记"], Titles(await CliProcess.RunAsync(Data, "search", "识", "--json")));

        var reindex = await CliProcess.RunAsync(Data, "reindex", "--json");

        Assert.Equal(0, reindex.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(reindex.Out).RootElement.GetProperty("items").GetInt32());
        Assert.Equal(3, SqliteProbe.Count(Database, "SELECT count(*) FROM search_documents WHERE segment > 0"));
        Assert.Equal(0, SqliteProbe.Count(Database, "SELECT count(*) FROM search_fts_docsize"));
        Assert.Equal(1, SqliteProbe.Count(Database, "SELECT count(*) FROM settings WHERE key = 'search.fts' AND value = 'retired'"));
        Assert.Equal(before, Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json")));
        Assert.Equal(["笔记"], Titles(await CliProcess.RunAsync(Data, "search", "知识库", "--json")));
        Assert.Equal(["笔记"], Titles(await CliProcess.RunAsync(Data, "search", "识", "--json"))); // a prefix, from the ranked index
        Assert.Equal(["Harbour lights", "Tea"], before);
    }

    [Fact]
    public async Task Search_OnARetiredBaseWithoutTheIndex_SaysToReindex_InsteadOfFindingNothing()
    {
        await AddNotesAsync();
        Assert.Equal(0, SqliteProbe.Count(Database, "SELECT count(*) FROM search_fts_docsize")); // a new base never writes FTS5
        await DropIndexAsync(Database);

        var search = await CliProcess.RunAsync(Data, "search", "harbour", "--json");
        var doctor = await CliProcess.RunAsync(Data, "doctor", "--json");

        Assert.Equal(1, search.ExitCode);
        Assert.Contains("run `strata reindex`", search.Error, StringComparison.Ordinal);
        Assert.StartsWith("unavailable", JsonDocument.Parse(doctor.Out).RootElement.GetProperty("keywordSearch").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "reindex")).ExitCode);
        Assert.Equal(["Harbour lights", "Tea"], Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json")));
    }

    [Fact]
    public async Task Daemon_OnABaseWithoutTheIndex_BuildsItOnce()
    {
        var folder = _directory.Combine("notes");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "harbour.md"), "# Harbour lights\n\nThe harbour lights guide boats home.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", folder)).ExitCode);
        var database = Path.Combine(Data, "strata.db");
        await DropIndexAsync(database);

        using var daemon = CliProcess.Start(Data, false, "daemon");
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (SqliteProbe.Count(database, "SELECT count(*) FROM settings WHERE key = 'search.keyword_index'") == 0)
            {
                Assert.False(daemon.HasExited, "the daemon exited early");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "timed out waiting for the daemon to build the index");
                await Task.Delay(50);
            }

            Assert.Equal(1, SqliteProbe.Count(database, "SELECT count(*) FROM search_documents WHERE segment > 0"));
        }
        finally
        {
            Assert.Equal(0, Posix.Kill(daemon.Id, Posix.SigTerm));
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await daemon.WaitForExitAsync(exit.Token);
        }
    }

    public void Dispose() => _directory.Dispose();

    private async Task AddNotesAsync()
    {
        var folder = _directory.Combine("notes");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "harbour.md"), "# Harbour lights\n\nThe harbour lights guide boats home at night across the bay.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "tea.md"), "# Tea\n\nGreen tea and black tea come from the same plant; the harbour town sells both.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "zh.md"), "# 笔记\n\n个人知识库帮助我们记住读过的东西。\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", folder)).ExitCode);
    }

    /// <summary>Fills FTS5 from the stored items as the index step writes it, and un-retires it: the state of a base from before the ranked index.</summary>
    private static async Task RefillFts5Async(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var rows = new List<(long Rowid, IndexDocument Document)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT rowid, title, text, (SELECT group_concat(tag, char(31)) FROM item_tags WHERE item_rowid = items.rowid) FROM items";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var tags = reader.IsDBNull(3) ? [] : reader.GetString(3).Split('\u001f');
                rows.Add((reader.GetInt64(0), IndexStep.Describe(reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), tags)));
            }
        }

        foreach (var (rowid, document) in rows)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO search_fts (rowid, title, body, tags) VALUES ($r, $t, $b, $g)";
            insert.Parameters.AddWithValue("$r", rowid);
            insert.Parameters.AddWithValue("$t", document.Title);
            insert.Parameters.AddWithValue("$b", document.Body);
            insert.Parameters.AddWithValue("$g", document.Tags);
            await insert.ExecuteNonQueryAsync();
        }

        await using var unretire = connection.CreateCommand();
        unretire.CommandText = "DELETE FROM settings WHERE key = 'search.fts'";
        await unretire.ExecuteNonQueryAsync();
    }

    private static async Task DropIndexAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM search_postings; DELETE FROM search_segments; DELETE FROM search_documents; DELETE FROM settings WHERE key = 'search.keyword_index'";
        await command.ExecuteNonQueryAsync();
    }

    private static string[] Titles(CliProcess.Result result) =>
        JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(hit => hit.GetProperty("title").GetString()!).ToArray();
}
