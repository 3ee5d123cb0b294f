using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>
/// FTS5 as the reference for which documents hold words, phrases and prefixes: on a base that keeps FTS5 maintained
/// (<see cref="StoreFixture.CreateAsync(bool)"/> with <c>keepFts5</c>), the ranked index must find the same documents.
/// </summary>
internal static class RankedIndexReference
{
    /// <summary>Inserts the texts as items and completes them through the pipeline's store calls, <paramref name="batch"/> per transaction.</summary>
    public static async Task<List<string>> AddInBatchesAsync(StoreFixture fixture, string[] texts, int batch)
    {
        var items = texts.Select((text, i) => StoreFixture.NewItem($"doc {i}") with { Text = text }).ToArray();
        await fixture.Store.InsertAsync(items.Select(item => new NewItem(item, null)).ToArray(), CancellationToken.None);
        var byId = items.ToDictionary(item => item.Id);
        while (true)
        {
            var claimed = await fixture.Store.ClaimJobsAsync(batch, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
            if (claimed.Count == 0)
            {
                break;
            }

            var results = claimed.Select(item => new ProcessedItem(
                item with { State = ItemState.Indexed, Text = byId[item.Id].Text },
                IndexStep.Describe(item.Title, byId[item.Id].Text, []), null)).ToArray();
            await fixture.Store.CompleteJobsAsync(results, CancellationToken.None);
        }

        return [.. items.Select(item => item.Id)];
    }

    /// <summary>
    /// For each query in both builder forms (all words, any word), the ranked index answers (it is complete and reads
    /// the expression) with exactly the documents FTS5 matches, in descending score order; some query must match.
    /// </summary>
    public static async Task AssertMatchesFts5Async(StoreFixture fixture, IEnumerable<string> queries)
    {
        Assert.True(await fixture.Store.IsRankedIndexCompleteAsync(CancellationToken.None), "the ranked index must answer, not FTS5");
        var matched = 0;
        foreach (var text in queries)
        {
            var query = SearchQueryParser.Parse(text);
            foreach (var match in new[] { Fts5QueryBuilder.Build(query)!, Fts5QueryBuilder.BuildAny(query)! }.Distinct())
            {
                Assert.True(KeywordQuery.TryParse(match) is not null, $"{match}: the ranked index cannot read it");
                var expected = await Fts5MatchesAsync(fixture, match);
                var found = await fixture.Store.SearchAsync(new SearchRequest(match, new ItemFilter { Limit = 1000, IncludeDuplicates = true }), CancellationToken.None);

                Assert.True(expected.Order().SequenceEqual(found.Select(hit => RowidOf(fixture, hit.Item.Id)).Order()), $"{match}: FTS5 found {expected.Count}, the ranked index {found.Count}");
                Assert.True(found.Zip(found.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), $"{match}: not ordered by score");
                matched += expected.Count > 0 ? 1 : 0;
            }
        }

        Assert.True(matched > 0, "no query matched anything: the comparison would prove nothing");
    }

    public static async Task<List<long>> Fts5MatchesAsync(StoreFixture fixture, string match)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM search_fts WHERE search_fts MATCH $q";
        command.Parameters.AddWithValue("$q", match);
        await using var reader = await command.ExecuteReaderAsync();
        var rowids = new List<long>();
        while (await reader.ReadAsync())
        {
            rowids.Add(reader.GetInt64(0));
        }

        return rowids;
    }

    private static long RowidOf(StoreFixture fixture, string id)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM items WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (long)command.ExecuteScalar()!;
    }
}
