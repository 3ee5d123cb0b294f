using Microsoft.Data.Sqlite;
using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Strata.Storage.Sqlite.Ranking;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>The shortcuts of <see cref="QueryEvaluation"/> against its exhaustive paths, on generated documents in many segments.</summary>
public sealed class QueryEvaluationTests
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma", "omega", "index", "search", "the", "of"];

    [Fact]
    public async Task Collect_AllRequired_SameRankingAsScanningEveryTouchedDocument()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var random = new Random(23);
        var texts = Enumerable.Range(0, 400)
            .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(5, 60)).Select(_ => Words[(int)(Math.Pow(random.NextDouble(), 2) * Words.Length)])))
            .ToArray();
        await RankedIndexReference.AddInBatchesAsync(fixture, texts, batch: 9);

        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: true);
        var changed = await DocumentTable.ReadChangedAsync(connection, transaction, CancellationToken.None);
        var table = await DocumentTable.Empty.CatchUpAsync(connection, transaction, changed, CancellationToken.None);
        var source = new PostingsSource(connection, transaction, table);

        var compared = 0;
        var found = 0;
        for (var i = 0; i < 150; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)]).ToList();
            var text = string.Join(' ', words) + (i % 3 == 0 ? $" \"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}\"" : string.Empty) +
                (i % 4 == 0 ? $" -{Words[random.Next(Words.Length)]}" : string.Empty);
            var query = KeywordQuery.TryParse(Fts5QueryBuilder.Build(SearchQueryParser.Parse(text))!)!;

            using var fast = await EvaluateAsync(source, table, query);
            using var exhaustive = await EvaluateAsync(source, table, query);
            using var quick = fast.Collect(query.Positive.Count, exact: true);
            using var scanned = exhaustive.CollectByScan(query.Positive.Count, exact: true);

            Assert.Equal(scanned.Count, quick.Count);
            Assert.Equal(scanned.Top(scanned.Count), quick.Top(quick.Count));
            compared++;
            found += quick.Count;
        }

        Assert.Equal(150, compared);
        Assert.True(found > 1000, $"the queries should match many documents ({found})");
    }

    private static async Task<QueryEvaluation> EvaluateAsync(PostingsSource source, DocumentTable table, KeywordQuery query)
    {
        var evaluation = new QueryEvaluation(source, table);
        foreach (var expression in query.Positive)
        {
            await evaluation.AddAsync(expression, CancellationToken.None);
        }

        foreach (var expression in query.Excluded)
        {
            await evaluation.ExcludeAsync(expression, CancellationToken.None);
        }

        return evaluation;
    }
}
