using System.Diagnostics;

namespace Strata.Bench;

/// <summary>
/// What a load run measured: latencies of successful requests (ms) as the clients saw them and as the server's
/// <c>Server-Timing</c> header reported them (empty when the server sends none), errors, and the wall time it ran.
/// </summary>
internal sealed record LoadFigures(IReadOnlyList<double> Latencies, IReadOnlyList<double> ServerLatencies, int Errors, string? FirstError, TimeSpan Elapsed)
{
    public double RequestsPerSecond => (Latencies.Count + Errors) / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop HTTP load generator: each client sends its next request as soon as the previous one has been
/// read to the end, so the server sees exactly <c>clients</c> requests in flight.
/// </summary>
internal static class WebLoad
{
    public static async Task<LoadFigures> RunAsync(HttpClient client, IReadOnlyList<string> paths, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var deadline = duration;
        var next = -1;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var serverLatencies = new List<double>();
            var errors = 0;
            string? firstError = null;
            while (stopwatch.Elapsed < deadline && !cancellationToken.IsCancellationRequested)
            {
                var path = paths[(int)((uint)Interlocked.Increment(ref next) % (uint)paths.Count)];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (ServerMilliseconds(response) is { } server)
                        {
                            serverLatencies.Add(server);
                        }
                    }
                    else
                    {
                        errors++;
                        firstError ??= $"{(int)response.StatusCode} for {path}";
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    errors++;
                    firstError ??= exception.Message;
                }
            }

            return (latencies, serverLatencies, errors, firstError);
        }, cancellationToken)));
        var elapsed = stopwatch.Elapsed;
        return new LoadFigures([.. perClient.SelectMany(run => run.latencies)], [.. perClient.SelectMany(run => run.serverLatencies)],
            perClient.Sum(run => run.errors), perClient.Select(run => run.firstError).FirstOrDefault(error => error is not null), elapsed);
    }

    /// <summary>The <c>app;dur=</c> figure of a <c>Server-Timing</c> header (e.g. <c>app;dur=3.10, wait;dur=0.02</c>), if the response has one.</summary>
    private static double? ServerMilliseconds(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
        {
            return null;
        }

        foreach (var metric in values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)))
        {
            if (metric.StartsWith("app;dur=", StringComparison.Ordinal) &&
                double.TryParse(metric.AsSpan("app;dur=".Length), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds))
            {
                return milliseconds;
            }
        }

        return null;
    }

    /// <summary>Times <paramref name="paths"/> one after another (time to the last byte, loopback); null when a page is missing.</summary>
    public static async Task<List<double>?> SequentialAsync(HttpClient client, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var timings = new List<double>(paths.Count);
        foreach (var path in paths)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Out.Line($"  {path}: {(int)response.StatusCode}");
                return null;
            }

            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return timings;
    }

    /// <summary>
    /// CPU time (user + system) a live process has used so far, from <c>/proc/pid/stat</c>: the server's cost per
    /// request is the difference over a load run divided by its requests, a figure other load on the machine barely moves.
    /// </summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>VmRSS (current resident set) of a live process in bytes; 0 when it has gone.</summary>
    public static long ResidentBytes(int processId) => StatusBytes(processId, "VmRSS:");

    /// <summary>What the resident set holds: anonymous memory (heaps, caches) and file pages (mapped code and data).</summary>
    public static (long Anonymous, long File) ResidentParts(int processId) =>
        (StatusBytes(processId, "RssAnon:"), StatusBytes(processId, "RssFile:"));

    private static long StatusBytes(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
