using System.Text;

namespace Strata.Bench;

/// <summary>Prints the results table and writes it, with the machine and the command, as Markdown.</summary>
internal static class Report
{
    private static readonly string[] Headers = ["Benchmark", "Metric", "Ours", "Baseline", "Ratio", "Target", "Result"];

    public static void Print(IReadOnlyList<ReportRow> rows)
    {
        var cells = rows.Select(Cells).Prepend(Headers).ToArray();
        var widths = Enumerable.Range(0, Headers.Length).Select(column => cells.Max(row => row[column].Length)).ToArray();
        foreach (var row in cells)
        {
            Out.Line(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    public static void WriteMarkdown(string path, BenchOptions options, MachineInfo machine, IReadOnlyList<ReportRow> rows, IReadOnlyList<string> notes, TimeSpan total)
    {
        var text = new StringBuilder();
        text.Append("# Benchmarks\n\n");
        text.Append("Measured by `bench/Strata.Bench` in one run; regenerate with the command below (it rewrites this file).\n\n");
        text.Append("```sh\n").Append(options.CommandLine()).Append("\n```\n\n");
        text.Append("## Machine\n\n");
        text.Append($"- CPU: {machine.Cpu} ({machine.Cores} cores)\n");
        text.Append($"- Memory: {machine.Memory}\n");
        text.Append($"- OS: {machine.Os}\n");
        text.Append($"- .NET: {machine.Runtime}\n");
        text.Append($"- Date: {machine.Date}\n");
        text.Append($"- Load average at the end (1, 5, 15 min): {machine.LoadAverage} — other work on the machine inflates every figure\n");
        text.Append($"- Whole run: {total.TotalMinutes:F1} min\n\n");
        text.Append("## Results\n\n");
        text.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        text.Append('|').Append(string.Concat(Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").Append(string.Join(" | ", Cells(row).Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        }

        text.Append("\n## How it is measured\n\n");
        foreach (var note in notes)
        {
            text.Append("- ").Append(note).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString() + SeparatelyMeasured(path));
    }

    /// <summary>The sections of an existing report written by the single-benchmark modes (after "How it is measured"), kept by a full run.</summary>
    private static string SeparatelyMeasured(string path)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var notes = existing.IndexOf("\n## How it is measured\n", StringComparison.Ordinal);
        if (notes < 0)
        {
            return string.Empty;
        }

        var next = new[] { "\n## ", "\n<!-- " }
            .Select(marker => existing.IndexOf(marker, notes + 1, StringComparison.Ordinal))
            .Where(index => index >= 0).DefaultIfEmpty(-1).Min();
        return next < 0 ? string.Empty : "\n" + existing[(next + 1)..];
    }

    /// <summary>Writes (or replaces) one "## title" section of an existing report, keeping every other section.</summary>
    public static void WriteSection(string path, string title, BenchOptions options, MachineInfo machine, IReadOnlyList<ReportRow> rows, IReadOnlyList<string> notes)
    {
        var section = new StringBuilder();
        section.Append("## ").Append(title).Append("\n\n");
        section.Append("Measured on its own with `").Append(options.CommandLine()).Append("` on ").Append(machine.Date)
            .Append(" (").Append(machine.Cores).Append(" cores, load ").Append(machine.LoadAverage).Append(").\n\n");
        section.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        section.Append('|').Append(string.Concat(Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            section.Append("| ").Append(string.Join(" | ", Cells(row).Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        }

        section.Append('\n');
        foreach (var note in notes)
        {
            section.Append("- ").Append(note).Append('\n');
        }

        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var heading = "## " + title + "\n";
        var start = existing.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            existing = existing.TrimEnd('\n') + "\n\n" + section;
        }
        else
        {
            // The section ends where the next one (or another benchmark's marked block) begins.
            var next = new[] { "\n## ", "\n<!-- " }
                .Select(marker => existing.IndexOf(marker, start + heading.Length, StringComparison.Ordinal))
                .Where(index => index >= 0).DefaultIfEmpty(-1).Min();
            existing = existing[..start] + section + (next < 0 ? string.Empty : existing[(next + 1)..]);
        }

        File.WriteAllText(path, existing);
    }

    private static string[] Cells(ReportRow row) =>
        [row.Benchmark, row.Metric, row.Ours, row.Baseline, row.Ratio, row.Target, row.Pass switch { true => "pass", false => "**FAIL**", null => string.Empty }];
}
