using System.Diagnostics;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Sources.Imports;

namespace Strata.Bench;

/// <summary>
/// Imports a generated Netscape bookmark file of <see cref="BookmarkCount"/> entries into a fresh base without fetching,
/// then, after closing and reopening the base, imports it again (as a resumed import would), in a child process
/// (this program's hidden <c>import-only</c> mode) for its peak memory.
/// </summary>
internal static class BookmarkImportBenchmark
{
    public const string ImportOnlyCommand = "import-only";
    public const int BookmarkCount = 10_000;
    public const double TargetPerSecond = 1000;
    private const int BookmarkSeed = 13;
    private const double Megabyte = 1024.0 * 1024;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string root, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var file = Path.Combine(root, "bookmarks.html");
        var bytes = BookmarkFileGenerator.Generate(file, BookmarkCount, vocabulary, BookmarkSeed);
        var (figures, child) = await ChildFigures.RunSelfAsync([ImportOnlyCommand, Path.Combine(root, "import-store"), file], cancellationToken);
        var peak = Math.Max(child.PeakBytes, (long)figures["vmhwm"] * 1024);
        var imported = figures.Count("imported");
        var seconds = figures["first"];
        var rate = imported / seconds;
        var (again, present) = (figures.Count("againImported"), figures.Count("againPresent"));
        Out.Line($"  bookmarks: file {bytes / Megabyte:F1} MB; {imported:N0} imported ({figures.Count("present")} present, {figures.Count("warnings")} warnings) in {seconds:F2} s, {rate:F0}/s; " +
            $"again: {again} new, {present:N0} present in {figures["second"]:F2} s; peak RSS {peak / Megabyte:F0} MB");
        var name = $"Bookmark import ({BookmarkCount:N0}, no fetch, child process)";
        return
        [
            new ReportRow(name, "bookmarks/s", IngestBenchmark.Rate(rate), string.Empty, string.Empty, $"≥ {TargetPerSecond:N0}/s", rate >= TargetPerSecond && imported == BookmarkCount),
            new ReportRow(name, "second import after reopening: new / already present", $"{again} / {present:N0} in {figures["second"]:F2} s", string.Empty, string.Empty, $"0 / {BookmarkCount:N0}", again == 0 && present == BookmarkCount),
            new ReportRow(name, "peak RSS (VmHWM)", $"{peak / Megabyte:F0} MB", string.Empty, string.Empty, "bounded", null),
        ];
    }

    /// <summary>The child side: import twice, reopening the base in between; print the figures.</summary>
    public static async Task<int> ImportOnlyAsync(string dataPath, string file, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataPath);
        var clock = Stopwatch.StartNew();
        ImportReport first;
        await using (var knowledgeBase = await KnowledgeBase.OpenAsync(data, cancellationToken: cancellationToken))
        {
            first = await knowledgeBase.ImportAsync(file, ImportFormat.NetscapeBookmarks, new AddOptions(), fetch: false, progress: null, cancellationToken);
        }

        var firstSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        ImportReport second;
        await using (var knowledgeBase = await KnowledgeBase.OpenAsync(data, cancellationToken: cancellationToken))
        {
            second = await knowledgeBase.ImportAsync(file, ImportFormat.NetscapeBookmarks, new AddOptions(), fetch: false, progress: null, cancellationToken);
        }

        Out.Line(ChildFigures.Format(
        [
            ("imported", first.Imported), ("present", first.AlreadyPresent), ("warnings", first.Warnings.Count), ("first", firstSeconds),
            ("againImported", second.Imported), ("againPresent", second.AlreadyPresent), ("second", clock.Elapsed.TotalSeconds),
            ("vmhwm", ChildProcess.ReadHighWaterMark(Environment.ProcessId)),
        ]));
        return 0;
    }
}
