using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Bench;

/// <summary>
/// <c>strata serve</c> under load, from a second process: 50 concurrent clients on <c>/api/v1/search</c> over the
/// large base, the server's resident memory idle, and Library and Reader page times.
/// </summary>
internal static class WebBenchmark
{
    public const string Flag = "--web-only";
    public const string Section = "Web server (strata serve)";
    public const int DefaultSeconds = 30;
    public const int QuickSeconds = 10;
    public const int Clients = 50;
    public const double TargetP99Milliseconds = 50;
    public const double TargetIdleBytes = 200.0 * 1024 * 1024;
    public const double TargetPageP95Milliseconds = 50;
    private const int LargeCorpusSeed = 2;
    private const int QuerySeed = 7;
    private const int LoadQuerySets = 250;
    private const int WarmUpRequests = 50;
    private const int PageRequests = 200;
    private const int PageWarmUp = 10;
    private const double Megabyte = 1024.0 * 1024;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(BenchOptions options, string repository, string root, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var (data, documents) = options.WebData is { } existing
            ? (existing, await CountItemsAsync(existing, cancellationToken))
            : (await GenerateBaseAsync(root, options.LargeDocuments, vocabulary, cancellationToken), options.LargeDocuments);

        var cli = Path.Combine(repository, ".build", "strata", "strata");
        var build = await ChildProcess.RunAsync(Path.Combine(repository, "strata"), ["--help"], pollMemory: false, cancellationToken);
        if (build.ExitCode != 0 || !File.Exists(cli))
        {
            throw new InvalidOperationException($"the CLI did not build: {build.Error}");
        }

        var port = FreePort();
        using var server = StartServer(cli, data, port);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseCookies = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            var started = await WaitUntilAnsweringAsync(client, server, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var idleAfterStart = WebLoad.ResidentBytes(server.Id);
            Out.Line($"  server answering after {started.TotalSeconds:F1} s; idle RSS {idleAfterStart / Megabyte:F0} MB");

            var paths = QuerySet.Create(vocabulary, QuerySeed).Select(SearchPath).ToArray();
            await WebLoad.SequentialAsync(client, paths.Take(WarmUpRequests).ToArray(), cancellationToken);
            // One request at a time first: the server's own cost per search, without queueing behind other clients.
            var single = await WebLoad.SequentialAsync(client, paths, cancellationToken) ?? throw new InvalidOperationException("a search request failed");
            Out.Line($"  search one at a time: {single.Count} queries, p50 {Ms(Percentile(single, 50))} p95 {Ms(Percentile(single, 95))} p99 {Ms(Percentile(single, 99))}");
            // A second pass over the same queries: the first runs code paths (phrases, filters, Chinese) and reads
            // blobs for the first time since the start, which the in-process search benchmark's best-of-3 never sees.
            var again = await WebLoad.SequentialAsync(client, paths, cancellationToken) ?? throw new InvalidOperationException("a search request failed");
            Out.Line($"  search one at a time, second pass: p50 {Ms(Percentile(again, 50))} p95 {Ms(Percentile(again, 95))} p99 {Ms(Percentile(again, 99))}");
            // Two loads: the 200 queries over and over (interleaved: in their listed order the 50 requests in flight
            // would all be of one kind at a time), and then thousands of different ones, so what the server remembers
            // of a query it answered a moment ago cannot stand in for answering it.
            var repeated = paths.ToArray();
            new Random(QuerySeed).Shuffle(repeated);
            var label = $"{documents:N0} docs, {Clients} clients, {options.LoadSeconds} s";
            var repeatedRows = await LoadRowsAsync(client, server, repeated, $"Web: `GET /api/v1/search` under load, the {paths.Length} queries repeated ({label})", options, cancellationToken);
            var distinctPaths = LoadPaths(vocabulary);
            var distinctRows = await LoadRowsAsync(client, server, distinctPaths, $"Web: `GET /api/v1/search` under load, {distinctPaths.Length:N0} different queries ({label})", options, cancellationToken);

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            var idleAfterLoad = WebLoad.ResidentBytes(server.Id);
            var (anonymous, mapped) = WebLoad.ResidentParts(server.Id);
            Out.Line($"  idle RSS after the load: {idleAfterLoad / Megabyte:F0} MB ({anonymous / Megabyte:F0} MB anonymous, {mapped / Megabyte:F0} MB file pages)");

            var ids = await ItemIdsAsync(client, cancellationToken);
            var library = await PageTimesAsync(client, Enumerable.Repeat("/", PageRequests + PageWarmUp).ToArray(), cancellationToken);
            var reader = await PageTimesAsync(client, ids.Select(id => $"/items/{id}").Concat(ids.Take(PageWarmUp).Select(id => $"/items/{id}")).ToArray(), cancellationToken);

            return
            [
                new ReportRow($"Web: `GET /api/v1/search`, one client ({documents:N0} docs, {single.Count} queries once each)", "p50 / p95 / p99",
                    $"{Ms(Percentile(single, 50))} / {Ms(Percentile(single, 95))} / {Ms(Percentile(single, 99))}", string.Empty, string.Empty, string.Empty, null),
                .. repeatedRows,
                .. distinctRows,
                new ReportRow($"Web: server RSS ({documents:N0} docs)", "idle after start", $"{idleAfterStart / Megabyte:F0} MB", string.Empty, string.Empty, "< 200 MB", idleAfterStart < TargetIdleBytes),
                new ReportRow($"Web: server RSS ({documents:N0} docs)", "idle after the load", $"{idleAfterLoad / Megabyte:F0} MB", string.Empty, string.Empty, "< 200 MB", idleAfterLoad < TargetIdleBytes),
                PageRow($"Web: Library page `/` ({documents:N0} docs, {PageRequests} sequential)", library),
                PageRow($"Web: Reader page `/items/{{id}}` ({documents:N0} docs, {PageRequests} items)", reader),
            ];
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>One closed-loop load over <paramref name="paths"/> (cycled): what clients saw, what the server says it spent, its CPU.</summary>
    private static async Task<ReportRow[]> LoadRowsAsync(HttpClient client, Process server, string[] paths, string name, BenchOptions options, CancellationToken cancellationToken)
    {
        var cpuBefore = WebLoad.CpuTime(server.Id);
        var load = await WebLoad.RunAsync(client, paths, Clients, TimeSpan.FromSeconds(options.LoadSeconds), cancellationToken);
        var requests = load.Latencies.Count + load.Errors;
        var cpuPerRequest = (WebLoad.CpuTime(server.Id) - cpuBefore).TotalMilliseconds / Math.Max(1, requests);
        var (p50, p95, p99) = (Percentile(load.Latencies, 50), Percentile(load.Latencies, 95), Percentile(load.Latencies, 99));
        var serverSide = load.ServerLatencies.Count > 0 ? $"{Ms(Percentile(load.ServerLatencies, 50))} / {Ms(Percentile(load.ServerLatencies, 99))}" : "no Server-Timing header";
        Out.Line($"  {name}: {load.Latencies.Count:N0} ok + {load.Errors} errors in {load.Elapsed.TotalSeconds:F1} s = {load.RequestsPerSecond:F0} req/s; " +
            $"p50 {Ms(p50)} p95 {Ms(p95)} p99 {Ms(p99)} max {Ms(load.Latencies.DefaultIfEmpty(0).Max())}{(load.FirstError is null ? string.Empty : "; first error: " + load.FirstError)}; " +
            $"in the server p50 / p99 {serverSide}; server CPU {cpuPerRequest:F2} ms per request; {Math.Min(paths.Length, requests):N0} different queries asked");
        return
        [
            new ReportRow(name, "p50 / p95", $"{Ms(p50)} / {Ms(p95)}", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "p99", Ms(p99), string.Empty, string.Empty, $"≤ {TargetP99Milliseconds:F0} ms", p99 <= TargetP99Milliseconds),
            new ReportRow(name, "p50 / p99 inside the server (`Server-Timing`)", serverSide, string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "requests/s", load.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "server CPU per request (user + system)", Ms(cpuPerRequest), string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "errors", load.Errors.ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty, "0", load.Errors == 0),
        ];
    }

    private static string SearchPath(BenchQuery query) => "api/v1/search?limit=10&q=" + Uri.EscapeDataString(query.Strata);

    /// <summary>
    /// <see cref="LoadQuerySets"/> query sets of the same mix (words, phrases, Chinese, filters) from other seeds, each
    /// query once (single words and Chinese words repeat across sets, as a vocabulary's common words do), interleaved.
    /// </summary>
    private static string[] LoadPaths(Vocabulary vocabulary)
    {
        var paths = Enumerable.Range(1, LoadQuerySets).SelectMany(set => QuerySet.Create(vocabulary, QuerySeed + set)).Select(SearchPath).Distinct(StringComparer.Ordinal).ToArray();
        new Random(QuerySeed).Shuffle(paths);
        return paths;
    }

    /// <summary>Generates the large corpus (the search benchmark's seed) and ingests it into a fresh base.</summary>
    private static async Task<string> GenerateBaseAsync(string root, int documents, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(root, "web-corpus");
        var data = Path.Combine(root, "web-store");
        var step = Stopwatch.StartNew();
        CorpusGenerator.Generate(corpus, documents, LargeCorpusSeed, vocabulary);
        await using (var kb = await KnowledgeBase.OpenAsync(new DataDirectory(data), cancellationToken: cancellationToken))
        {
            await kb.AddAsync([corpus], new AddOptions(), null, cancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(corpus, recursive: true);
        Out.Line($"  web base: {documents:N0} docs generated and ingested in {step.Elapsed.TotalSeconds:F0} s");
        return data;
    }

    /// <summary>An existing base (<c>--web-data</c>, e.g. one made by an earlier run): how many items it holds.</summary>
    private static async Task<int> CountItemsAsync(string data, CancellationToken cancellationToken)
    {
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(data), cancellationToken: cancellationToken);
        var items = (await kb.StatisticsAsync(cancellationToken)).Items;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Out.Line($"  web base: existing {data} with {items:N0} items");
        return items;
    }

    private static ReportRow PageRow(string name, List<double>? timings) => timings is null
        ? new ReportRow(name, "p95 (to last byte, loopback)", "page not built in this version", string.Empty, string.Empty, $"< {TargetPageP95Milliseconds:F0} ms", null)
        : new ReportRow(name, "p50 / p95 (to last byte, loopback)", $"{Ms(Percentile(timings, 50))} / {Ms(Percentile(timings, 95))}", string.Empty, string.Empty,
            $"p95 < {TargetPageP95Milliseconds:F0} ms", Percentile(timings, 95) < TargetPageP95Milliseconds);

    /// <summary>Times the pages after <see cref="PageWarmUp"/> untimed ones (the last paths given).</summary>
    private static async Task<List<double>?> PageTimesAsync(HttpClient client, string[] paths, CancellationToken cancellationToken)
    {
        if (await WebLoad.SequentialAsync(client, paths[^PageWarmUp..], cancellationToken) is null)
        {
            return null;
        }

        var timings = await WebLoad.SequentialAsync(client, paths[..^PageWarmUp], cancellationToken);
        if (timings is not null)
        {
            Out.Line($"  {paths[0]}…: p50 {Ms(Percentile(timings, 50))} p95 {Ms(Percentile(timings, 95))} max {Ms(timings.Max())}");
        }

        return timings;
    }

    private static async Task<string[]> ItemIdsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var offset = 0; ids.Count < PageRequests; offset += 200)
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync($"api/v1/items?limit=200&offset={offset}&order=oldest", cancellationToken));
            var items = page.RootElement.GetProperty("items");
            ids.AddRange(items.EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            if (items.GetArrayLength() < 200)
            {
                break;
            }
        }

        return [.. ids.Take(PageRequests)];
    }

    private static Process StartServer(string cli, string data, int port)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--data", data, "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("STRATA_DATA");
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start strata serve");
        // Drain both pipes so a chatty server never blocks on a full pipe; show what explains an error response.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains(" at Strata", StringComparison.Ordinal) || line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("exception", StringComparison.OrdinalIgnoreCase)))
            {
                Out.Line("  server: " + line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Out.Line("  server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<TimeSpan> WaitUntilAnsweringAsync(HttpClient client, Process server, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"strata serve exited with {server.ExitCode}");
            }

            try
            {
                using var response = await client.GetAsync("api/v1/tags", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return stopwatch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"strata serve did not answer within {StartTimeout.TotalSeconds:F0} s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(IReadOnlyList<double> values, double percent) =>
        values.Count == 0 ? double.NaN : SearchLatencyBenchmark.Percentile([.. values], percent);

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "n/a" : SearchLatencyBenchmark.Ms(milliseconds);
}
