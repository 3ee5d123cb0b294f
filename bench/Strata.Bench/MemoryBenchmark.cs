using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// Peak resident memory while ingesting the large corpus, in a child process (this program's hidden
/// <c>ingest-only</c> mode), which also gives the ingest rate at that size.
/// </summary>
internal static class MemoryBenchmark
{
    public const string IngestOnlyCommand = "ingest-only";
    public const double TargetBytes = 1024.0 * 1024 * 1024;
    private const double Megabyte = 1024.0 * 1024;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string corpus, int documents, string dataPath, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            arguments.Add(typeof(MemoryBenchmark).Assembly.Location);
        }

        arguments.AddRange([IngestOnlyCommand, dataPath, corpus]);
        var child = await ChildProcess.RunAsync(self, arguments, pollMemory: true, cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the ingest child failed ({child.ExitCode}): {child.Error}");
        }

        // The child reports its own VmHWM just before exiting; the parent's polling may miss the last moments.
        var fields = child.Output.Trim().Split('\n')[^1].Split(' ');
        var added = int.Parse(fields[0], CultureInfo.InvariantCulture);
        var seconds = double.Parse(fields[2], CultureInfo.InvariantCulture);
        var peak = Math.Max(child.PeakBytes, long.Parse(fields[5], CultureInfo.InvariantCulture) * 1024);
        var rate = added / seconds;
        Out.Line($"  large ingest: {added:N0} of {documents:N0} added, {fields[1]} failed in {seconds:F0} s (collect {fields[3]} s, process {fields[4]} s), {rate:F0} docs/s, peak RSS {peak / Megabyte:F0} MB");
        var name = $"Ingest {documents:N0} docs (child process)";
        return
        [
            new ReportRow(name, "peak RSS (VmHWM)", $"{peak / Megabyte:F0} MB", string.Empty, string.Empty, "< 1 GB", peak < TargetBytes),
            new ReportRow(name, "docs/s", IngestBenchmark.Rate(rate), string.Empty, string.Empty, $"≥ {IngestBenchmark.TargetDocsPerSecond:N0} docs/s", rate >= IngestBenchmark.TargetDocsPerSecond),
            new ReportRow(name, "collect / process phase (s)", $"{fields[3]} / {fields[4]}", string.Empty, string.Empty, string.Empty, null),
        ];
    }

    /// <summary>The child side: ingest, then print "added failed seconds collect process vmhwm-kB".</summary>
    public static async Task<int> IngestOnlyAsync(string dataPath, string corpus, CancellationToken cancellationToken)
    {
        var timing = await IngestBenchmark.IngestAsync(corpus, dataPath, cancellationToken);
        var peak = ChildProcess.ReadHighWaterMark(Environment.ProcessId);
        Out.Line(string.Create(CultureInfo.InvariantCulture, $"{timing.Added} {timing.Failed} {timing.Elapsed.TotalSeconds:F2} {timing.Collect.TotalSeconds:F1} {timing.Process.TotalSeconds:F1} {peak}"));
        return 0;
    }
}
