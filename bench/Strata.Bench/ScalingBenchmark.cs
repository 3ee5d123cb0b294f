using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Storage.Postgres;
using Strata.Storage.Sqlite;
using Strata.Storage.Sqlite.Blobs;
using Strata.Testing.Postgres;

namespace Strata.Bench;

/// <summary>
/// <c>--scaling-only [--items N] [--out docs/scaling.md]</c>: N notes (<see cref="ScalingNotes"/>) ingested on SQLite
/// by one <c>strata worker</c> process and on a throwaway PostgreSQL 15 (durable settings) by 1, 2 and then 4
/// <c>strata worker</c> processes, each draining its own slice of the queue; then keyword search p50/p95 on both
/// with the search bench's 200 varied queries (<see cref="QuerySet"/>). Writes the measured section of
/// <c>docs/scaling.md</c>. Run from the repository root: the workers are started through <c>./strata</c>.
/// </summary>
internal static class ScalingBenchmark
{
    public const string Flag = "--scaling-only";
    private const int InsertBatch = 1000;
    private const int WarmUpRounds = 2;
    private const int Limit = 10;
    private const string Launcher = "./strata";
    private const string Begin = "<!-- scaling:begin -->";
    private const string End = "<!-- scaling:end -->";

    /// <summary>The share of the items each worker count drains on PostgreSQL; 4 workers also drain the rest.</summary>
    private const double SliceShare = 0.15;

    /// <summary>A quarter of a 4 GB database host; PostgreSQL's default (128 MB) is sized for the smallest machines.</summary>
    private const string ServerSettings = "-c shared_buffers=1GB";

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

        if (!File.Exists(Launcher))
        {
            Out.Line($"{Flag}: run from the repository root (the workers start as {Launcher} worker processes)");
            return 2;
        }

        await WarmLauncherAsync(cancellationToken);
        var vocabulary = new Vocabulary(BenchRunner.VocabularySeed);
        var queries = QuerySet.Create(vocabulary, BenchRunner.QuerySeed).ToArray();
        var ingest = new List<string>();
        var search = new List<string>();
        var root = Path.Combine(Path.GetTempPath(), $"strata-scaling-{Guid.NewGuid():N}");
        try
        {
            await SqliteAsync(Path.Combine(root, "sqlite"), items, vocabulary, queries, ingest, search, cancellationToken);
            await using var cluster = await PostgresCluster.StartAsync(durable: true, cancellationToken, ServerSettings);
            await PostgresAsync(cluster, Path.Combine(root, "pg"), items, vocabulary, queries, ingest, search, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        Write(output, items, ingest, search);
        return 0;
    }

    /// <summary>The launcher builds the CLI on first use; that must not count as a worker's time.</summary>
    private static async Task WarmLauncherAsync(CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(Launcher, ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("cannot start ./strata");
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
    }

    private static async Task SqliteAsync(string dataPath, int items, Vocabulary vocabulary, BenchQuery[] queries, List<string> ingest, List<string> search, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataPath);
        Directory.CreateDirectory(data.Root);
        await using (var store = new SqliteItemStore(data.DatabasePath))
        await using (var blobs = new PackBlobStore(data.BlobsPath, durable: true))
        {
            await store.MigrateAsync(cancellationToken);
            await QueueAsync(store, blobs, 0, items, vocabulary, cancellationToken);
        }

        var load = Load();
        var seconds = await DrainAsync(1, index => new Dictionary<string, string> { ["STRATA_DATA"] = data.Root }, cancellationToken);
        ingest.Add(IngestRow("SQLite", 1, items, seconds, load));
        await using var kb = await KnowledgeBase.OpenAsync(data, new StrataOptions { DataDirectory = data.Root }, cancellationToken: cancellationToken);
        search.Add(await SearchRowAsync("SQLite", kb, queries, cancellationToken));
    }

    private static async Task PostgresAsync(PostgresCluster cluster, string dataPath, int items, Vocabulary vocabulary, BenchQuery[] queries, List<string> ingest, List<string> search, CancellationToken cancellationToken)
    {
        var connection = cluster.ConnectionString(await cluster.CreateDatabaseAsync(cancellationToken));
        var blobPath = Path.Combine(dataPath, "shared-blobs");
        var blobs = new FileBlobStore(blobPath, durable: true);
        Dictionary<string, string> WorkerEnvironment(int worker) => new()
        {
            ["STRATA_DATA"] = Path.Combine(dataPath, $"worker{worker}"),
            ["STRATA__STORE__PROVIDER"] = "postgres",
            ["STRATA_POSTGRES"] = connection,
            ["STRATA__STORE__BLOBPATH"] = blobPath,
        };

        await using (var store = new PostgresItemStore(new PostgresStoreOptions(connection)))
        {
            await store.MigrateAsync(cancellationToken);
            var slice = (int)(items * SliceShare);
            var queued = 0;
            foreach (var workers in new[] { 1, 2, 4 })
            {
                var count = workers == 4 ? items - queued : slice;
                await QueueAsync(store, blobs, queued, count, vocabulary, cancellationToken);
                var load = Load();
                var seconds = await DrainAsync(workers, WorkerEnvironment, cancellationToken);
                ingest.Add(IngestRow("PostgreSQL 15", workers, count, seconds, load));
                queued += count;
            }
        }

        // What autovacuum does after a bulk load, done now so the run does not depend on when it wakes up: the
        // planner's lexeme statistics and an empty GIN pending list.
        await using (var data = NpgsqlDataSource.Create(connection))
        {
            foreach (var table in new[] { "search_index", "items" })
            {
                // One statement per command: VACUUM cannot run inside a batch.
                await using var vacuum = data.CreateCommand($"VACUUM ANALYZE {table}");
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var reader = new DataDirectory(Path.Combine(dataPath, "reader"));
        Directory.CreateDirectory(reader.Root);
        var options = new StrataOptions
        {
            DataDirectory = reader.Root,
            Store = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection, BlobPath = blobPath },
        };
        await using var kb = await KnowledgeBase.OpenAsync(reader, options, cancellationToken: cancellationToken);
        search.Add(await SearchRowAsync("PostgreSQL 15", kb, queries, cancellationToken));
    }

    /// <summary>Dev mode <c>--scaling-queue</c>: notes first..first+count queued on an existing PostgreSQL base.</summary>
    public static async Task<int> QueuePostgresAsync(string connection, string blobPath, int first, int count, CancellationToken cancellationToken)
    {
        await using var store = new PostgresItemStore(new PostgresStoreOptions(connection));
        await store.MigrateAsync(cancellationToken);
        await QueueAsync(store, new FileBlobStore(blobPath, durable: true), first, count, new Vocabulary(BenchRunner.VocabularySeed), cancellationToken);
        Out.Line($"queued {count} notes from {first}");
        return 0;
    }

    private static async Task QueueAsync(IItemStore store, IBlobStore blobs, int first, int count, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        foreach (var batch in Enumerable.Range(first, count).Chunk(InsertBatch))
        {
            var items = new List<NewItem>(batch.Length);
            foreach (var index in batch)
            {
                var bytes = Encoding.UTF8.GetBytes(ScalingNotes.Create(index, vocabulary));
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

    /// <summary>Wall time for <paramref name="workers"/> <c>strata worker --until-empty</c> processes, side by side, to empty the queue.</summary>
    private static async Task<double> DrainAsync(int workers, Func<int, Dictionary<string, string>> environment, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var processes = new List<Process>();
        try
        {
            for (var worker = 0; worker < workers; worker++)
            {
                var start = new ProcessStartInfo(Launcher, ["worker", "--until-empty", "--idle", "0.2"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var (name, value) in environment(worker))
                {
                    start.Environment[name] = value;
                }

                Directory.CreateDirectory(start.Environment["STRATA_DATA"]!);
                processes.Add(Process.Start(start) ?? throw new InvalidOperationException("cannot start ./strata worker"));
            }

            var outputs = processes.Select(async process =>
            {
                var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"strata worker exited with {process.ExitCode}: {await stderr}");
                }

                return await stdout;
            }).ToArray();
            foreach (var line in await Task.WhenAll(outputs))
            {
                Out.Line($"  {line.Trim()}");
            }

            return stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    private static async Task<string> SearchRowAsync(string engine, KnowledgeBase kb, BenchQuery[] queries, CancellationToken cancellationToken)
    {
        var timings = new double[queries.Length];
        var empty = 0;
        var load = Load();
        for (var round = 0; round <= WarmUpRounds; round++)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var results = await kb.SearchAsync(queries[i].Strata, Limit, cancellationToken);
                timings[i] = stopwatch.Elapsed.TotalMilliseconds;
                empty += round == WarmUpRounds && results.Count == 0 ? 1 : 0;
            }
        }

        var (p50, p95) = (SearchLatencyBenchmark.Percentile(timings, 50), SearchLatencyBenchmark.Percentile(timings, 95));
        var kinds = string.Join(", ", queries.Select((query, i) => (query.Kind, Time: timings[i])).GroupBy(pair => pair.Kind)
            .Select(group => $"{group.Key} {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(group.Select(pair => pair.Time).ToArray(), 95))}"));
        return string.Create(CultureInfo.InvariantCulture, $"| {engine} | {p50:F2} ms | {p95:F2} ms | {timings.Max():F0} ms | {kinds} | {empty} of {queries.Length} | {load} |");
    }

    private static string IngestRow(string engine, int workers, int items, double seconds, string load) =>
        string.Create(CultureInfo.InvariantCulture, $"| {engine} | {workers} | {items:N0} | {seconds:F1} s | {items / seconds:F0} items/s | {load} |");

    /// <summary>The 1-minute load average now: the machine is shared, and the figures move with it.</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Machine()
    {
        var machine = MachineInfo.Read();
        return $"{machine.Cpu} ({machine.Cores} cores, {machine.Memory}), {machine.Os}, {machine.Runtime}, {machine.Date}, load average {machine.LoadAverage}";
    }

    private static void Write(string output, int items, List<string> ingest, List<string> search)
    {
        var section = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine(CultureInfo.InvariantCulture, $"Measured with `dotnet run -c Release --project bench/Strata.Bench -- {Flag} --items {items}` on {Machine()} (at the end of the run).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{items:N0} notes of about {ScalingNotes.WordsPerNote} words (a fifth Chinese) queued directly (originals written first), then processed by")
            .AppendLine("`strata worker --until-empty` processes started through `./strata`. SQLite: one worker drains all of them. PostgreSQL")
            .AppendLine(CultureInfo.InvariantCulture, $"(durable defaults: fsync, synchronous commit; `shared_buffers` 1 GB; same disk and cores): 1 worker drains the first {SliceShare:P0},")
            .AppendLine(CultureInfo.InvariantCulture, $"2 workers the next {SliceShare:P0}, 4 workers the rest, each slice queued just before its workers start, so every worker count")
            .AppendLine("runs against a base of about the same size as the others. Load is the 1-minute load average when the row started.")
            .AppendLine()
            .AppendLine("| engine | worker processes | items | drain time | ingest throughput | load |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in ingest)
        {
            section.AppendLine(row);
        }

        section.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Keyword search over all {items:N0} items: the search bench's 200 varied queries (words across the frequency range,")
            .AppendLine("two and three words, phrases, Chinese, filters, exclusions; `QuerySet`), 10 results, through `KnowledgeBase.SearchAsync`")
            .AppendLine("with snippets; two warm-up rounds, the third timed. PostgreSQL after `VACUUM ANALYZE` (what autovacuum does after a load).")
            .AppendLine()
            .AppendLine("| engine | search p50 | search p95 | slowest | p95 by query kind | no results | load |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in search)
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
