using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>A base whose ranked keyword index is missing (as one made by an older Strata) still searches, and <c>strata reindex</c> fills it.</summary>
public sealed class ReindexCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-reindex");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task Reindex_AfterTheIndexWasDropped_RestoresTheSameResults()
    {
        var folder = _directory.Combine("notes");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "harbour.md"), "# Harbour lights\n\nThe harbour lights guide boats home at night across the bay.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "tea.md"), "# Tea\n\nGreen tea and black tea come from the same plant; the harbour town sells both.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "zh.md"), "# 笔记\n\n个人知识库帮助我们记住读过的东西。\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", folder)).ExitCode);
        var before = Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json"));

        await DropIndexAsync(Path.Combine(Data, "strata.db"));

        Assert.Equal(before, Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json"))); // answered by FTS5 meanwhile

        var reindex = await CliProcess.RunAsync(Data, "reindex", "--json");

        Assert.Equal(0, reindex.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(reindex.Out).RootElement.GetProperty("items").GetInt32());
        Assert.Equal(3, SqliteProbe.Count(Path.Combine(Data, "strata.db"), "SELECT count(*) FROM search_documents WHERE segment > 0"));
        Assert.Equal(before, Titles(await CliProcess.RunAsync(Data, "search", "harbour", "--json")));
        Assert.Equal(["笔记"], Titles(await CliProcess.RunAsync(Data, "search", "知识库", "--json")));
        Assert.Equal(["Harbour lights", "Tea"], before);
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
