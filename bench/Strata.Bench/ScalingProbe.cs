using System.Diagnostics;
using System.Globalization;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Storage.Postgres;

namespace Strata.Bench;

/// <summary>Dev mode: fill a PostgreSQL base with the scaling notes (indexed directly, no pipeline) and time the queries.</summary>
internal static class ScalingProbe
{
    public static async Task<int> RunAsync(string connection, int items, bool fill, CancellationToken cancellationToken)
    {
        var vocabulary = new Vocabulary(BenchRunner.VocabularySeed);
        if (fill)
        {
            await using var store = new PostgresItemStore(new PostgresStoreOptions(connection));
            await store.MigrateAsync(cancellationToken);
            foreach (var batch in Enumerable.Range(0, items).Chunk(1000))
            {
                var now = TimeProvider.System.GetUtcNow();
                var rows = batch.Select(index =>
                {
                    var note = ScalingNotes.Create(index, vocabulary);
                    var split = note.IndexOf("\n\n", StringComparison.Ordinal);
                    return new NewItem(new Item
                    {
                        Id = Ulid.NewUlid().ToString(), Kind = ItemKind.Note, State = ItemState.Indexed, Title = note[2..split], Text = note[(split + 2)..],
                        Language = index % CorpusGenerator.ChineseEvery == CorpusGenerator.ChineseEvery - 1 ? "zh" : "en", CollectedAt = now, UpdatedAt = now,
                    }, null);
                }).ToList();
                await store.InsertAsync(rows, cancellationToken);
            }

            Out.Line($"indexed {await store.RebuildSearchIndexAsync(cancellationToken)}");
        }

        var data = new DataDirectory(Path.Combine(Path.GetTempPath(), $"strata-probe-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(data.Root);
        await using var kb = await KnowledgeBase.OpenAsync(data, new StrataOptions
        {
            DataDirectory = data.Root,
            Store = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection, BlobPath = Path.Combine(data.Root, "blobs") },
        }, cancellationToken: cancellationToken);
        var queries = QuerySet.Create(vocabulary, BenchRunner.QuerySeed);
        var timings = new double[queries.Count];
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var results = await kb.SearchAsync(queries[i].Strata, 10, cancellationToken);
                timings[i] = stopwatch.Elapsed.TotalMilliseconds;
                if (round == 2)
                {
                    Out.Line(string.Create(CultureInfo.InvariantCulture, $"{timings[i],8:F2} ms {results.Count,3} {queries[i].Kind,-8} {queries[i].Strata}"));
                }
            }
        }

        Out.Line($"p50 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(timings, 50))} p95 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(timings, 95))}");
        return 0;
    }
}
