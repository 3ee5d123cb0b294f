using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Queue;
using Strata.Storage.Postgres;
using Strata.Storage.Sqlite;
using Strata.Storage.Sqlite.Blobs;
using Strata.Testing.Postgres;

namespace Strata.Bench;

/// <summary>
/// <c>--scaling-only [--items N] [--out docs/scaling.md]</c>: N short notes queued on SQLite and on a throwaway
/// PostgreSQL 15 (durable settings), then processed by 1 worker (SQLite) and 1, 2 and 4 workers (PostgreSQL), and
/// keyword search p50/p95 on both. Writes the measured section of <c>docs/scaling.md</c>.
/// </summary>
internal static class ScalingBenchmark
{
    public const string Flag = "--scaling-only";
    private const int WordsPerNote = 200;
    private const int Queries = 200;
    private const int InsertBatch = 1000;
    private const string Begin = "<!-- scaling:begin -->";
    private const string End = "<!-- scaling:end -->";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var items = 20_000;
        var output = "docs/scaling.md";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--items" && i + 1 < args.Count)
            {
                items = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--out" && i + 1 < args.Count)
            {
                output = args[++i];
            }
        }

        var vocabulary = new Vocabulary(11);
        var notes = Enumerable.Range(0, items).Select(index => Note(index, new Random(index), vocabulary)).ToArray();
        var queryRandom = new Random(5);
        var queries = Enumerable.Range(0, Queries)
            .Select(index => index % 2 == 0 ? vocabulary.NextEnglish(queryRandom) : $"{vocabulary.NextEnglish(queryRandom)} {vocabulary.NextEnglish(queryRandom)}").ToArray();
        var rows = new List<string>();
        var root = Path.Combine(Path.GetTempPath(), $"strata-scaling-{Guid.NewGuid():N}");
        try
        {
            var sqlite = await SqliteAsync(Path.Combine(root, "sqlite"), notes, queries, cancellationToken);
            rows.Add(Row("SQLite", 1, items, sqlite.Seconds, sqlite.Search));
            await using var cluster = await PostgresCluster.StartAsync(durable: true, cancellationToken);
            foreach (var workers in new[] { 1, 2, 4 })
            {
                var postgres = await PostgresAsync(cluster, Path.Combine(root, $"pg{workers}"), notes, queries, workers, cancellationToken);
                rows.Add(Row("PostgreSQL 15", workers, items, postgres.Seconds, postgres.Search));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        Write(output, items, rows);
        return 0;
    }

    private static string Note(int index, Random random, Vocabulary vocabulary) =>
        $"# Note {index} {CorpusGenerator.EnglishSentence(random, vocabulary, 4)}\n\n{CorpusGenerator.EnglishSentence(random, vocabulary, WordsPerNote)}\n";

    private static async Task<(double Seconds, (double P50, double P95) Search)> SqliteAsync(string dataPath, string[] notes, string[] queries, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataPath);
        Directory.CreateDirectory(data.Root);
        await using (var store = new SqliteItemStore(data.DatabasePath))
        await using (var blobs = new PackBlobStore(data.BlobsPath, durable: true))
        {
            await store.MigrateAsync(cancellationToken);
            await QueueAsync(store, blobs, notes, cancellationToken);
        }

        await using var kb = await KnowledgeBase.OpenAsync(data, new StrataOptions { DataDirectory = data.Root }, cancellationToken: cancellationToken);
        var seconds = await DrainAsync([kb], cancellationToken);
        return (seconds, await SearchAsync(kb, queries, cancellationToken));
    }

    private static async Task<(double Seconds, (double P50, double P95) Search)> PostgresAsync(
        PostgresCluster cluster, string dataPath, string[] notes, string[] queries, int workers, CancellationToken cancellationToken)
    {
        var connection = cluster.ConnectionString(await cluster.CreateDatabaseAsync(cancellationToken));
        var blobPath = Path.Combine(dataPath, "shared-blobs");
        await using (var store = new PostgresItemStore(new PostgresStoreOptions(connection)))
        {
            await store.MigrateAsync(cancellationToken);
            await QueueAsync(store, new FileBlobStore(blobPath, durable: true), notes, cancellationToken);
        }

        var bases = new List<KnowledgeBase>();
        try
        {
            for (var worker = 0; worker < workers; worker++)
            {
                var data = new DataDirectory(Path.Combine(dataPath, $"worker{worker}"));
                var options = new StrataOptions
                {
                    DataDirectory = data.Root,
                    Store = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection, BlobPath = blobPath },
                };
                bases.Add(await KnowledgeBase.OpenAsync(data, options, cancellationToken: cancellationToken));
            }

            var seconds = await DrainAsync(bases, cancellationToken);
            return (seconds, await SearchAsync(bases[0], queries, cancellationToken));
        }
        finally
        {
            foreach (var kb in bases)
            {
                await kb.DisposeAsync();
            }
        }
    }

    private static async Task QueueAsync(IItemStore store, IBlobStore blobs, string[] notes, CancellationToken cancellationToken)
    {
        foreach (var batch in notes.Chunk(InsertBatch))
        {
            var items = new List<NewItem>(batch.Length);
            foreach (var note in batch)
            {
                var bytes = Encoding.UTF8.GetBytes(note);
                var hash = await blobs.PutAsync(bytes, cancellationToken);
                var now = TimeProvider.System.GetUtcNow();
                items.Add(new NewItem(
                    new Item { Id = Ulid.NewUlid().ToString(), Kind = ItemKind.Note, State = ItemState.Collected, ContentHash = hash, ByteSize = bytes.Length, MediaType = MediaTypes.Markdown, CollectedAt = now, UpdatedAt = now },
                    new SnapshotInfo(hash, MediaTypes.Markdown, bytes.Length, now, "bench")));
            }

            await blobs.SyncAsync(cancellationToken);
            await store.InsertAsync(items, cancellationToken);
        }
    }

    /// <summary>Wall time for the workers, side by side, to empty the queue.</summary>
    private static async Task<double> DrainAsync(IReadOnlyList<KnowledgeBase> workers, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(kb => Task.Run(() => new QueueWorker(kb, TimeProvider.System).RunAsync(untilEmpty: true, TimeSpan.FromMilliseconds(200), cancellationToken), cancellationToken)));
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(double P50, double P95)> SearchAsync(KnowledgeBase kb, string[] queries, CancellationToken cancellationToken)
    {
        var timings = new double[queries.Length];
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                await kb.SearchAsync(queries[i], 10, cancellationToken);
                timings[i] = stopwatch.Elapsed.TotalMilliseconds;
            }
        }

        return (SearchLatencyBenchmark.Percentile(timings, 50), SearchLatencyBenchmark.Percentile(timings, 95));
    }

    private static string Row(string engine, int workers, int items, double seconds, (double P50, double P95) search) =>
        string.Create(CultureInfo.InvariantCulture, $"| {engine} | {workers} | {seconds:F1} s | {items / seconds:F0} items/s | {search.P50:F2} ms | {search.P95:F2} ms |");

    private static string Machine()
    {
        var machine = MachineInfo.Read();
        return $"{machine.Cpu} ({machine.Cores} cores, {machine.Memory}), {machine.Os}, {machine.Runtime}, {machine.Date}, load average {machine.LoadAverage}";
    }

    private static void Write(string output, int items, List<string> rows)
    {
        var section = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine(CultureInfo.InvariantCulture, $"Measured with `dotnet run -c Release --project bench/Strata.Bench -- {Flag} --items {items}` on {Machine()}: {items:N0} notes of {WordsPerNote} words ")
            .AppendLine("queued directly (originals written first), then processed by in-process workers (each its own `KnowledgeBase`, store and")
            .AppendLine("connection pool, as separate processes would be); keyword search: 200 one- and two-word queries, second round timed.")
            .AppendLine("PostgreSQL runs with its durable defaults (fsync, synchronous commit) on the same disk and cores as the workers.")
            .AppendLine()
            .AppendLine("| engine | workers | drain time | ingest throughput | search p50 | search p95 |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(row);
        }

        section.Append(End);
        var text = File.Exists(output) ? File.ReadAllText(output) : string.Empty;
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start ? text[..start] + section + text[(end + End.Length)..] : text + Environment.NewLine + section + Environment.NewLine;
        File.WriteAllText(output, text);
        Out.Line(section.ToString());
    }
}
