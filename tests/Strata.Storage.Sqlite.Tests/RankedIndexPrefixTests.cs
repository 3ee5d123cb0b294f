using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>
/// A term ending in a single CJK character is a prefix (<c>"书"*</c>, <c>"知识 识 库"*</c>): the ranked index answers it
/// as the union of the terms starting with that character, and finds the same documents as FTS5.
/// </summary>
public sealed class RankedIndexPrefixTests
{
    private static readonly string[] Words = ["知识", "库", "书", "读书", "书库", "个人", "知", "的", "报告", "中文", "识", "人", "harbour", "notes", "the"];

    [Fact]
    public async Task SingleCjkCharacters_MatchTheSameDocumentsAsFts5_AcrossSegmentsAndMerges()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var random = new Random(3);
        var texts = Enumerable.Range(0, 240).Select(_ => Text(random)).ToArray();
        await RankedIndexReference.AddInBatchesAsync(fixture, texts, batch: 9); // 27 segments, merged along the way

        await RankedIndexReference.AssertMatchesFts5Async(fixture,
        [
            "书", "知", "库", "的", "人", "识", "\"知识 库\"", "\"个人 知\"", "\"读书 的\"", "读书 -书", "书 知识", "知识库", "-书 知识", "中文 书 -报",
            "\"the 书\"", "harbour 书", "\"书 书\"", "个人知识库", "书 -\"知识 库\"",
        ]);
    }

    [Fact]
    public async Task Prefix_IsRankedAsOneTerm_ByItsSummedCountsAndTitleWeight()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var once = await fixture.AddIndexedAsync("notes", "我们 读书 然后 休息 散步 喝茶");
        var thrice = await fixture.AddIndexedAsync("notes", "书库 书架 读书 然后 休息 喝茶");
        var titled = await fixture.AddIndexedAsync("书", "我们 读书 然后 休息 散步 喝茶");
        await fixture.AddIndexedAsync("notes", "我们 然后 休息 散步 喝茶");

        var hits = await fixture.Store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("书")), new ItemFilter()), CancellationToken.None);

        Assert.Equal("\"书\"*", Fts5QueryBuilder.Build(SearchQueryParser.Parse("书")));
        Assert.Equal([titled.Id, thrice.Id, once.Id], hits.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task PrefixInsideAPhrase_NeedsATermStartingWithItRightAfterTheOtherWords()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var exact = await fixture.AddIndexedAsync("a", "知识 库");
        var longer = await fixture.AddIndexedAsync("b", "个人知识 库存");
        await fixture.AddIndexedAsync("c", "知识 个人 库");
        await fixture.AddIndexedAsync("d", "个人知识库很有用"); // one run: 知识 is followed by the bigram 识库, not by 识 then 库
        await fixture.AddIndexedAsync("e", "知识就是力量");

        var hits = await fixture.Store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("\"知识 库\"")), new ItemFilter()), CancellationToken.None);

        Assert.Equal(new[] { exact.Id, longer.Id }.Order(StringComparer.Ordinal), hits.Select(hit => hit.Item.Id).Order(StringComparer.Ordinal));
    }

    private static string Text(Random random) =>
        string.Join(random.Next(3) == 0 ? " " : string.Empty, Enumerable.Range(0, 12 + random.Next(20)).Select(_ => Words[random.Next(Words.Length)]));
}
