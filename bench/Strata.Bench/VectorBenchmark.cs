using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Core.Search;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;
using Strata.Semantic.Embeddings.Onnx;
using Strata.Semantic.Vectors;
using Strata.Storage.Sqlite;
using Strata.Testing.Embeddings;

namespace Strata.Bench;

/// <summary>
/// <c>--vectors-only [--items N] [--out path]</c>: the vector scan (SIMD vs scalar), the int8 index (memory and
/// recall@10 vs float32), hybrid search latency on a real base of N items with three passages each and random
/// 384-dimensional vectors, and embedding throughput through the fake server. Writes its own section of the report.
/// </summary>
internal static class VectorBenchmark
{
    public const string Flag = "--vectors-only";
    private const int Dimensions = 384;
    private const int PassagesPerItem = 3;
    private const int Queries = 200;
    private const int ParagraphWords = 60;
    private const int RecallQueries = 100;

    /// <summary>Passages a hybrid search scans for (100 candidate items × 4 passages).</summary>
    private const int HybridPassages = 400;
    private const string Model = "bench-embed";
    private const string Begin = "<!-- vectors:begin -->";
    private const string End = "<!-- vectors:end -->";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var items = 100_000;
        var output = "docs/benchmarks.md";
        string? keptBase = null;
        var scanOnly = false; // the scan part alone, printed and not written (quick checks)
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--items" && i + 1 < args.Count)
            {
                items = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--base" && i + 1 < args.Count)
            {
                keptBase = Path.GetFullPath(args[++i]); // reused when it holds a base, kept afterwards (repeat runs skip the ingest)
            }
            else if (args[i] == "--scan-only")
            {
                scanOnly = true;
            }
            else if (args[i] == "--out" && i + 1 < args.Count)
            {
                output = args[++i];
            }
        }

        var rows = new List<string>();
        var random = new Random(7);
        var passages = items * PassagesPerItem;
        Scan(rows, passages, random);
        if (scanOnly)
        {
            rows.ForEach(Console.Out.WriteLine);
            return 0;
        }

        await HybridAsync(rows, items, random, keptBase, cancellationToken);
        await EmbeddingThroughputAsync(rows, cancellationToken);
        Write(output, items, rows);
        return 0;
    }

    private static float[] RandomUnitVectors(int count, Random random)
    {
        var values = new float[count * Dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        for (var row = 0; row < count; row++)
        {
            Pooling.Normalize(values.AsSpan(row * Dimensions, Dimensions));
        }

        return values;
    }

    private static void Scan(List<string> rows, int passages, Random random)
    {
        var vectors = RandomUnitVectors(passages, random);
        var owners = Enumerable.Range(0, passages).Select(row => row / PassagesPerItem).ToArray();
        var queries = RandomUnitVectors(RecallQueries, random);
        var rowFolder = Path.Combine(Path.GetTempPath(), "strata-bench-rows-" + Guid.NewGuid().ToString("N"));
        var index = new VectorIndex(Dimensions, vectors, owners);
        using var int8 = Build(vectors, owners, new VectorIndexOptions(RescoreFactor: 0));
        using var rescored = Build(vectors, owners, new VectorIndexOptions(RowFolder: rowFolder));
        Directory.Delete(rowFolder, recursive: true); // the row file is already unlinked; the mapping keeps it
        var truth = new HashSet<int>[RecallQueries];
        for (var q = 0; q < RecallQueries; q++)
        {
            truth[q] = index.Search(Query(queries, q), 10).Select(hit => hit.Row).ToHashSet();
        }

        var checksum = 0f;
        for (var warm = 0; warm < 10; warm++)
        {
            checksum += ScalarBest(vectors, Query(queries, warm));
        }

        var clock = Stopwatch.StartNew();
        for (var q = 0; q < RecallQueries; q++)
        {
            checksum += ScalarBest(vectors, Query(queries, q));
        }

        var scalar = clock.Elapsed.TotalMilliseconds / RecallQueries;
        var (simd, simdParallel, _) = Time(index, queries, truth);
        var (int8One, int8All, int8Recall) = Time(int8, queries, truth);
        var (rescoredOne, rescoredAll, rescoredRecall) = Time(rescored, queries, truth);
        var clock400 = Stopwatch.StartNew();
        for (var q = 0; q < RecallQueries; q++)
        {
            rescored.Search(Query(queries, q), HybridPassages, parallel: false);
        }

        var rescored400 = clock400.Elapsed.TotalMilliseconds / RecallQueries;
        clock400.Restart();
        for (var q = 0; q < RecallQueries; q++)
        {
            int8.Search(Query(queries, q), HybridPassages * VectorIndexOptions.DefaultRescoreFactor, parallel: false);
        }

        var candidates1600 = clock400.Elapsed.TotalMilliseconds / RecallQueries;
        var floatBytes = index.VectorBytes;
        var int8Bytes = int8.VectorBytes + (owners.Length * sizeof(int));
        var label = $"Vector scan ({passages:N0} × {Dimensions}, {RecallQueries} queries, top 10)";
        void Speed(string what, double one, double all)
        {
            rows.Add(Row(label, $"{what} per query: one thread / all cores", $"{Ms(one)} / {Ms(all)}", $"{passages / one / 1000:N1} / {passages / all / 1000:N1} M rows/s", string.Empty, string.Empty));
        }

        void Ratio(string what, double one, double all) =>
            rows.Add(Row(label, $"{what} vs scalar: one thread / all cores", $"{scalar / one:F1}× / {scalar / all:F1}×", string.Empty, "≥ 8×", scalar / all >= 8 ? "pass" : "**FAIL**"));

        rows.Add(Row(label, "plain scalar float loop per query, one thread (same run)", Ms(scalar), $"{passages / scalar / 1000:N1} M rows/s (checksum {checksum:F1})", string.Empty, string.Empty));
        Speed("float32 SIMD scan (`Int8Index: false`)", simd, simdParallel);
        Ratio("float32 SIMD scan", simd, simdParallel);
        Speed($"int8 scan alone, int8 scores ({VectorIndex.Int8Kernel})", int8One, int8All);
        Ratio("int8 scan alone", int8One, int8All);
        Speed($"default: int8 scan + float32 rescoring of the top 10 × {VectorIndexOptions.DefaultRescoreFactor} (mapped row file)", rescoredOne, rescoredAll);
        Ratio("default search path", rescoredOne, rescoredAll);
        rows.Add(Row(label, $"default path, top {HybridPassages} passages as hybrid search asks ({HybridPassages * VectorIndexOptions.DefaultRescoreFactor} rescored), one thread as hybrid search runs it", Ms(rescored400), $"the int8 scan for those {HybridPassages * VectorIndexOptions.DefaultRescoreFactor} alone: {Ms(candidates1600)}; load {LoadAverage()}", string.Empty, string.Empty));
        rows.Add(Row(label, "float32 vectors in memory", Mb(floatBytes), string.Empty, string.Empty, string.Empty));
        rows.Add(Row(label, "int8 index in memory (vectors, scales, owners)", Mb(int8Bytes), "float32 rows for rescoring are in a mapped file, not the heap", "≤ 150 MB", int8Bytes <= 150L * 1024 * 1024 ? "pass" : "**FAIL**"));
        rows.Add(Row(label, "recall@10 vs float32: int8 alone", int8Recall.ToString("F3", CultureInfo.InvariantCulture), string.Empty, "≥ 0.97", int8Recall >= 0.97 ? "pass" : "**FAIL**"));
        rows.Add(Row(label, "recall@10 vs float32: default (int8 + rescoring)", rescoredRecall.ToString("F3", CultureInfo.InvariantCulture), string.Empty, "≥ 0.97", rescoredRecall >= 0.97 ? "pass" : "**FAIL**"));
    }

    private static ReadOnlySpan<float> Query(float[] queries, int q) => queries.AsSpan(q * Dimensions, Dimensions);

    private static VectorIndex Build(float[] vectors, int[] owners, VectorIndexOptions options)
    {
        using var builder = new VectorIndexBuilder(Dimensions, owners.Length, options);
        for (var row = 0; row < owners.Length; row++)
        {
            builder.Add(vectors.AsSpan(row * Dimensions, Dimensions), owners[row]);
        }

        return builder.Build();
    }

    /// <summary>Milliseconds per query on one thread and on all cores, and recall@10 against <paramref name="truth"/>.</summary>
    private static (double One, double All, double Recall) Time(VectorIndex index, float[] queries, HashSet<int>[] truth)
    {
        for (var warm = 0; warm < 10; warm++)
        {
            index.Search(Query(queries, warm), 10, parallel: false);
            index.Search(Query(queries, warm), 10);
        }

        var found = 0;
        var clock = Stopwatch.StartNew();
        for (var q = 0; q < RecallQueries; q++)
        {
            found += index.Search(Query(queries, q), 10, parallel: false).Count(hit => truth[q].Contains(hit.Row));
        }

        var one = clock.Elapsed.TotalMilliseconds / RecallQueries;
        clock.Restart();
        for (var q = 0; q < RecallQueries; q++)
        {
            index.Search(Query(queries, q), 10);
        }

        return (one, clock.Elapsed.TotalMilliseconds / RecallQueries, found / (RecallQueries * 10.0));
    }

    /// <summary>The naive loop the SIMD scan is compared with: one multiply-add at a time, best score kept.</summary>
    private static float ScalarBest(float[] vectors, ReadOnlySpan<float> query)
    {
        var best = float.NegativeInfinity;
        for (var row = 0; row < vectors.Length / Dimensions; row++)
        {
            var sum = 0f;
            var offset = row * Dimensions;
            for (var i = 0; i < Dimensions; i++)
            {
                sum += vectors[offset + i] * query[i];
            }

            best = Math.Max(best, sum);
        }

        return best;
    }

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

    private static async Task EmbeddingThroughputAsync(List<string> rows, CancellationToken cancellationToken)
    {
        await using var server = await FakeEmbeddingServer.StartAsync(Dimensions);
        using var generator = new OpenAiEmbeddingGenerator(new HttpClient(), server.BaseUrl + "v1", Model, null, null);
        var vocabulary = new Vocabulary(42);
        var random = new Random(3);
        var texts = Enumerable.Range(0, 2048).Select(_ => CorpusGenerator.EnglishSentence(random, vocabulary, 150)).ToArray();
        await generator.GenerateAsync(texts.Take(32), cancellationToken: cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var batch in texts.Chunk(32))
        {
            await generator.GenerateAsync(batch, cancellationToken: cancellationToken);
        }

        var rate = texts.Length / clock.Elapsed.TotalSeconds;
        rows.Add(Row($"Embedding through the fake OpenAI server (loopback, {Dimensions}-d, batches of 32)", "passages/s (~150 words each)", $"{rate:N0}/s", string.Empty, "reported", string.Empty));
    }

    private static string Row(string label, string metric, string value, string note, string target, string verdict) =>
        $"| {label} | {metric} | {value} | {note} | {target} | {verdict} |";

    private static string Ms(double milliseconds) => SearchLatencyBenchmark.Ms(milliseconds);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";

    private static void Write(string output, int items, List<string> rows)
    {
        var section = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine("## Vectors and hybrid search")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Strata.Bench -- {Flag}{(items == 100_000 ? string.Empty : $" --items {items}")}` on {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine("| benchmark | metric | value | note | target | verdict |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(row);
        }

        section.AppendLine()
            .AppendLine("- Scan: random unit vectors (seeded), three passages per item, all in one process: a plain `for` loop of float multiply-adds over the float32 array (the scalar baseline); `VectorIndex.Search` over float32 rows (one `TensorPrimitives.Dot` per row, top 10 by a heap); the int8 index alone (one scale per row, rows stored +128, the query quantized alike and widened to 16 bits once, the kernel named in the row: AVX-VNNI, AVX-512BW or AVX2 `vpmaddwd`, `Vector<T>` elsewhere; exact in int32); and the default path: int8 scan for the top 10 × 4, rescored with float32 rows read from a memory-mapped scratch file. 100 queries each after 10 warm-ups; ratios are scalar time / scan time. recall@10 is the share of the float32 top 10 each int8 form returns. Memory is the scanned arrays plus the row → item array; the mapped float32 rows are disk and page cache, touched only for the rows a query rescores.")
            .AppendLine("- Hybrid: generated Markdown items (a 4-word title, three 60-word paragraphs → three passages each) ingested through `KnowledgeBase.AddAsync` with chunking; every passage then gets a random unit vector stored under the model key, and `sync` writes the ingest out before anything is timed. Queries are 1–3 vocabulary words through `KnowledgeBase.SearchAsync(q, new SearchOptions { Mode = Hybrid })`: query embedding over loopback HTTP (fake OpenAI server), BM25 top 100 alongside the vector scan for the top 400 passages (one thread), reciprocal-rank fusion, items and passages loaded for the top 10, snippets. 20 warm-up queries, then 200 timed. The parts are the same queries run through each piece alone (keyword mode, semantic mode, the embedding request), to show where the time goes; the load average is the machine's 1-minute figure when the row was measured (2 cores shared with other work).")
            .AppendLine(End);
        var text = File.Exists(output) ? File.ReadAllText(output) : "# Benchmarks\n";
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + section.ToString().TrimEnd() + text[(end + End.Length)..]
            : text.TrimEnd() + "\n\n" + section;
        File.WriteAllText(output, text);
        Console.Out.Write(section.ToString());
    }
}
