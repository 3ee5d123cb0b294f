using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Core.Search;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;
using Strata.Storage.Sqlite;
using Strata.Testing.Embeddings;

namespace Strata.Bench;

/// <summary>The hybrid part of <c>--vectors-only</c>: a real base of generated items with random passage vectors, timed end to end and by part.</summary>
internal static partial class VectorBenchmark
{
    private static async Task HybridAsync(List<string> rows, int items, Random random, string? keptBase, CancellationToken cancellationToken)
    {
        var root = keptBase ?? Path.Combine(Path.GetTempPath(), "strata-bench-vectors-" + Guid.NewGuid().ToString("N"));
        try
        {
            var vocabulary = new Vocabulary(42);
            await using var server = await FakeEmbeddingServer.StartAsync(Dimensions);
            var data = new DataDirectory(Path.Combine(root, "data"));
            var options = new StrataOptions { DataDirectory = data.Root };
            options.Ingest.DurableOriginals = false;
            options.Embedding = new EmbeddingOptions { Provider = EmbeddingProviders.OpenAi, Endpoint = server.BaseUrl + "v1", Model = Model };
            var label = $"Hybrid search ({items:N0} items, {items * PassagesPerItem:N0} passages, {Dimensions}-d random vectors, {Queries} queries)";
            if (!File.Exists(data.DatabasePath))
            {
                var corpus = Path.Combine(root, "corpus");
                WriteCorpus(corpus, items, vocabulary);
                var clock = Stopwatch.StartNew();
                await using (var ingest = await KnowledgeBase.OpenAsync(data, options, cancellationToken: cancellationToken))
                {
                    await ingest.AddAsync([corpus], new AddOptions(), null, cancellationToken);
                }

                rows.Add(Row(label, "ingest with chunking (s)", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty));
                await StoreRandomVectorsAsync(data.DatabasePath, random, cancellationToken);
                Directory.Delete(corpus, recursive: true);
                await SettleAsync(cancellationToken);
            }

            foreach (var int8 in new[] { true, false })
            {
                options.Embedding.Int8Index = int8;
                await using var kb = await KnowledgeBase.OpenAsync(data, options, cancellationToken: cancellationToken);
                var index = int8 ? "default (int8 scan + float32 rescoring)" : "float32 scan (`Int8Index: false`)";
                var clock = Stopwatch.StartNew();
                await kb.SearchAsync("warm up", new SearchOptions { Mode = SearchMode.Hybrid }, cancellationToken);
                rows.Add(Row(label, $"{index}: loading vectors from SQLite (s)", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty));
                var queryRandom = new Random(11);
                var queries = Enumerable.Range(0, Queries).Select(_ => CorpusGenerator.EnglishSentence(queryRandom, vocabulary, 1 + queryRandom.Next(3))).ToArray();
                var hybrid = await LatenciesAsync(queries, query => kb.SearchAsync(query, new SearchOptions { Mode = SearchMode.Hybrid }, cancellationToken));
                var p95 = SearchLatencyBenchmark.Percentile(hybrid, 95);
                rows.Add(Row(label, $"{index}: hybrid p50 / p95", $"{Ms(SearchLatencyBenchmark.Percentile(hybrid, 50))} / {Ms(p95)}", $"load {LoadAverage()}", "p95 ≤ 30 ms", p95 <= 30 ? "pass" : "**FAIL**"));
                if (!int8)
                {
                    continue;
                }

                // Where a hybrid query's time goes: its parts, each timed alone over the same queries.
                var model = kb.EmbeddingModel!;
                var parts = new (string Part, Func<string, Task> Run)[]
                {
                    ("query embedding over loopback HTTP", query => model.EmbedQueryAsync(query, cancellationToken)),
                    ("keyword search alone (top 10 assembled)", query => kb.SearchAsync(query, new SearchOptions { Mode = SearchMode.Keyword }, cancellationToken)),
                    ("keyword search, 100 candidates (as hybrid fuses; facets counted)", query => kb.SearchAsync(query, new SearchOptions { Mode = SearchMode.Keyword, Facets = true }, cancellationToken)),
                    ("semantic search alone (embedding, scan of top 400 passages, top 10 assembled)", query => kb.SearchAsync(query, new SearchOptions { Mode = SearchMode.Semantic }, cancellationToken)),
                };
                foreach (var (part, run) in parts)
                {
                    var times = await LatenciesAsync(queries, run);
                    rows.Add(Row(label, $"{index}, part: {part} p50 / p95", $"{Ms(SearchLatencyBenchmark.Percentile(times, 50))} / {Ms(SearchLatencyBenchmark.Percentile(times, 95))}", string.Empty, string.Empty, string.Empty));
                }
            }
        }
        finally
        {
            try
            {
                if (keptBase is null)
                {
                    Directory.Delete(root, recursive: true);
                }
            }
            catch (IOException)
            {
                // leftovers in /tmp are harmless
            }
        }
    }

    /// <summary>
    /// Writes the ingest's dirty pages (gigabytes at 100k) to disk before timing: otherwise their writeback stalls
    /// the first configuration's reads (hybrid p95 81 ms measured right after the ingest, 24 ms on the same base later).
    /// </summary>
    private static async Task SettleAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        if (sync is not null)
        {
            await sync.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>20 warm-up runs, then every query timed once (milliseconds).</summary>
    private static async Task<List<double>> LatenciesAsync(string[] queries, Func<string, Task> run)
    {
        foreach (var query in queries.Take(20))
        {
            await run(query);
        }

        var times = new List<double>(queries.Length);
        var clock = new Stopwatch();
        foreach (var query in queries)
        {
            clock.Restart();
            await run(query);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>The 1-minute load average, reported next to latencies (other work on the machine moves them).</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Items of a title and three paragraphs (the generated words cost several tokens each): three passages each at the default budget.</summary>
    private static void WriteCorpus(string folder, int items, Vocabulary vocabulary)
    {
        Parallel.For(0, (items + 999) / 1000, block =>
        {
            var sub = Path.Combine(folder, block.ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            var random = new Random(block);
            var text = new StringBuilder();
            for (var i = block * 1000; i < Math.Min(items, (block + 1) * 1000); i++)
            {
                text.Clear().Append("# ").Append(CorpusGenerator.EnglishSentence(random, vocabulary, 4)).Append("\n\n");
                for (var p = 0; p < PassagesPerItem; p++)
                {
                    text.Append(CorpusGenerator.EnglishSentence(random, vocabulary, ParagraphWords)).Append(".\n\n");
                }

                File.WriteAllText(Path.Combine(sub, $"item{i:D6}.md"), text.ToString());
            }
        });
    }

    /// <summary>Gives every passage a random unit vector under the configured model's key, straight through the store.</summary>
    private static async Task<int> StoreRandomVectorsAsync(string databasePath, Random random, CancellationToken cancellationToken)
    {
        await using var store = new SqliteItemStore(databasePath);
        var key = $"{EmbeddingProviders.OpenAi}:{Model}";
        var total = 0;
        while (true)
        {
            var pending = await store.ListChunksToEmbedAsync(key, 5000, cancellationToken);
            if (pending.Count == 0)
            {
                return total;
            }

            var vectors = RandomUnitVectors(pending.Count, random);
            await store.SaveEmbeddingsAsync(key, pending.Select((chunk, i) => (chunk.Hash, vectors.AsSpan(i * Dimensions, Dimensions).ToArray())).ToArray(), cancellationToken);
            total += pending.Count;
        }
    }
}
