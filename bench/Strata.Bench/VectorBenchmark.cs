using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Semantic.Embeddings;
using Strata.Semantic.Embeddings.Onnx;
using Strata.Semantic.Vectors;
using Strata.Testing.Embeddings;

namespace Strata.Bench;

/// <summary>
/// <c>--vectors-only [--items N] [--out path]</c>: the vector scan (SIMD vs scalar), the int8 index (memory and
/// recall@10 vs float32), hybrid search latency on a real base of N items with three passages each and random
/// 384-dimensional vectors, and embedding throughput through the fake server. Writes its own section of the report.
/// </summary>
internal static partial class VectorBenchmark
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
