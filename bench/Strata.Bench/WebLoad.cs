using System.Diagnostics;

namespace Strata.Bench;

/// <summary>What a load run measured: latencies of successful requests (ms), errors, and the wall time it ran.</summary>
internal sealed record LoadFigures(IReadOnlyList<double> Latencies, int Errors, string? FirstError, TimeSpan Elapsed)
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

            return (latencies, errors, firstError);
        }, cancellationToken)));
        var elapsed = stopwatch.Elapsed;
        return new LoadFigures([.. perClient.SelectMany(run => run.latencies)], perClient.Sum(run => run.errors), perClient.Select(run => run.firstError).FirstOrDefault(error => error is not null), elapsed);
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
    public static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
