using Microsoft.Data.Sqlite;
using Strata.Hosting.Ingest;
using Xunit;

namespace Strata.Hosting.Tests;

public sealed class KnowledgeBaseStructureTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AddAsync_TwoRuns_CorpusCountsFlushedAtEachRunEndAndIdfShapesKeywords()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        Directory.CreateDirectory(fixture.Inputs);
        var first = Path.Combine(fixture.Inputs, "first.md");
        var second = Path.Combine(fixture.Inputs, "second.md");
        await File.WriteAllTextAsync(first, "Glaciers retreat. Glaciers melt in summer, and meltwater feeds rivers. Rivers carry glacial silt to the sea.");
        await File.WriteAllTextAsync(second, "Glaciers and volcanoes. Volcanoes erupt; volcanoes build islands. Glaciers on volcanoes melt fast.");

        await fixture.Kb.AddAsync([first], new AddOptions(), null, None);
        Assert.Equal((1L, 1L), await CountsAsync(fixture, "glaciers"));
        var report = await fixture.Kb.AddAsync([second], new AddOptions(), null, None);

        Assert.Equal((2L, 2L), await CountsAsync(fixture, "glaciers"));
        Assert.Equal((2L, 1L), await CountsAsync(fixture, "volcanoes"));
        var structure = await fixture.Kb.StructureAsync(report.Entries.Single().ItemId!, None);
        Assert.Equal("volcanoes", structure!.Keywords[0].Text);
    }

    private static async Task<(long Documents, long Frequency)> CountsAsync(KnowledgeBaseFixture fixture, string term)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Data.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'corpus.documents'), (SELECT df FROM term_df WHERE term = $t)";
        command.Parameters.AddWithValue("$t", term);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
    }
}
