namespace Strata.Bench;

/// <summary>
/// Puts a partial run's rows into an existing report: rows of the same benchmarks are replaced, others stay, and
/// its method notes are added once. Used by <c>--enrich-only</c> and <c>--ingest-only</c>.
/// </summary>
internal static class ReportMerge
{
    private const string ResultsHeading = "## Results";
    private const string MethodHeading = "## How it is measured";

    public static void Merge(string path, IReadOnlyList<ReportRow> rows, IReadOnlyList<string> notes)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmarks", string.Empty, ResultsHeading, string.Empty, "| Benchmark | Metric | Ours | Baseline | Ratio | Target | Result |", "|---|---|---|---|---|---|---|", string.Empty, MethodHeading, string.Empty];
        var names = rows.Select(row => row.Benchmark).ToHashSet(StringComparer.Ordinal);
        bool Replaced(string line) => line.StartsWith("| ", StringComparison.Ordinal) && names.Contains(line.Split(" | ")[0][2..]);

        // New rows take the place of the ones they replace (so the table keeps its order), else go at its end.
        var end = lines.FindIndex(Replaced);
        lines.RemoveAll(Replaced);
        if (end < 0)
        {
            end = lines.FindIndex(lines.IndexOf(ResultsHeading) + 1, line => line.StartsWith('|'));
            while (end < lines.Count && lines[end].StartsWith('|'))
            {
                end++;
            }
        }

        lines.InsertRange(end, rows.Select(Row));
        foreach (var note in notes)
        {
            var bullet = "- " + note;
            if (!lines.Contains(bullet))
            {
                lines.Add(bullet);
            }
        }

        File.WriteAllLines(path, lines);
    }

    private static string Row(ReportRow row) =>
        $"| {row.Benchmark} | {row.Metric} | {row.Ours} | {row.Baseline} | {row.Ratio} | {row.Target} | {(row.Pass switch { true => "pass", false => "**FAIL**", null => string.Empty })} |";
}
