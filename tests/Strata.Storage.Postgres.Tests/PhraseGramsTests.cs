using Npgsql;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Storage.Conformance;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Storage.Postgres.Tests;

/// <summary>
/// Phrase grams narrow phrase candidates without changing results: phrases still match only adjacent words of one
/// field, and the migration fills existing rows with exactly the grams the index step writes.
/// </summary>
public sealed class PhraseGramsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SearchAsync_PhrasesOfCommonWords_MatchOnlyAdjacentWordsOfOneField()
    {
        var connection = await database.CreateSchemaAsync();
        await using var store = new PostgresItemStore(new PostgresStoreOptions(connection));
        await store.MigrateAsync(None);
        await store.AddIndexedAsync("Adjacent", "the end of the road");
        await store.AddIndexedAsync("Apart", "the road ends, and of course the end");
        await store.AddIndexedAsync("Across fields end of", "the road");
        await store.AddIndexedAsync("Three", "as his brother said, as his own");
        await store.AddIndexedAsync("Reversed", "his as");

        Assert.Equal(["Adjacent"], await store.SearchTitlesAsync("\"of the\""));
        Assert.Equal(["Adjacent"], await store.SearchTitlesAsync("\"end of the road\""));
        Assert.Equal(["Three"], await store.SearchTitlesAsync("\"as his\""));
        Assert.Equal(["Three"], await store.SearchTitlesAsync("\"as his brother\""));
        // Grams never turn an alternative or an exclusion into a requirement.
        Assert.Equal(["Adjacent", "Reversed"], (await store.SearchTitlesAsync("\"of the\" \"his as\"", any: true)).Order());
        Assert.Equal(["Across fields end of", "Apart"], (await store.SearchTitlesAsync("road -\"of the\"")).Order());
        Assert.Equal(["Adjacent", "Three"], (await store.SearchTitlesAsync("\"of the\" \"as his\" -absent", any: true)).Order());
        Assert.Equal(["Adjacent"], await store.SearchTitlesAsync("road \"of the\" -absent"));
    }

    [Fact]
    public async Task FillGrams_ExistingRows_GetTheGramsTheIndexStepWrites()
    {
        var connection = await database.CreateSchemaAsync();
        await using var store = new PostgresItemStore(new PostgresStoreOptions(connection));
        await store.MigrateAsync(None);
        string[] texts =
        [
            "the end of the road, and the end of the day",
            "He was there; it's theirs, not ours. Was he?",
            "中国的人 and the 北京 of it",
            "odd \\back'slash' words of the o'clock kind",
            "",
        ];
        for (var i = 0; i < texts.Length; i++)
        {
            await store.AddIndexedAsync(ConformanceItems.NewItem($"Title {i} of the") with { Tags = [new Core.Items.ItemTag("for/the/win")] }, texts[i]);
        }

        await using var data = NpgsqlDataSource.Create(connection);
        var written = await GramsAsync(data);
        await using (var fill = data.CreateCommand(PostgresSchema.FillGrams))
        {
            await fill.ExecuteNonQueryAsync(None);
        }

        var filled = await GramsAsync(data);
        Assert.Equal(texts.Length, written.Count);
        Assert.Contains(written, row => row.Contains("'of the'", StringComparison.Ordinal) && row.Contains("'the end'", StringComparison.Ordinal));
        Assert.Equal(written, filled);
    }

    [Fact]
    public void BuildWithGrams_PairsWithAFunctionWord_OnlyWithinAField()
    {
        var (_, grams) = SearchDocument.BuildWithGrams(new IndexDocument(
            SearchTextAnalyzer.ToIndexText("Orbit of"), SearchTextAnalyzer.ToIndexText("the moon rises slowly"), SearchTextAnalyzer.ToIndexText("news")));

        Assert.Equal("'orbit of' 'the moon'", grams);
    }

    [Theory]
    [InlineData("\"of the\"", "'of the'")]
    [InlineData("\"end of the\" AND road", "'end of' & 'of the'")]
    [InlineData("\"quick brown\"", null)]
    [InlineData("road OR \"of the\"", null)]
    [InlineData("road NOT \"of the\"", null)]
    [InlineData("(road OR x) AND \"of the\"", "'of the'")]
    [InlineData("(\"of the\" OR x)", null)]
    [InlineData("\"of the\"*", null)]
    [InlineData("(\"road\" AND \"of the\") NOT (\"x\" OR \"as his\")", "'of the'")]
    [InlineData("(\"road\" OR \"of the\") NOT \"as his\"", null)]
    public void RequiredGrams_OnlyPhrasesEveryMatchHolds(string expression, string? expected) =>
        Assert.Equal(expected, TsQueryTranslator.RequiredGrams(expression));

    [Theory]
    [InlineData("\"of the\"", "of the")]
    [InlineData("\"end of the\"", null)]
    [InlineData("\"of the\" road", null)]
    [InlineData("\"quick brown\"", null)]
    public void ExactGram_OnlyASingleTwoWordPhrase(string expression, string? expected) =>
        Assert.Equal(expected, PhraseGrams.ExactGram(expression));

    private static async Task<List<string>> GramsAsync(NpgsqlDataSource data)
    {
        await using var select = data.CreateCommand("SELECT grams::text FROM search_index ORDER BY item_rowid");
        await using var reader = await select.ExecuteReaderAsync(None);
        var rows = new List<string>();
        while (await reader.ReadAsync(None))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
