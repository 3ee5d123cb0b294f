using System.Globalization;
using System.Text;

namespace Strata.Core.Text;

/// <summary>Writes a <see cref="LineDiff"/> as unified-diff or word-marked text.</summary>
internal static class UnifiedDiffWriter
{
    private const string NoNewline = "\\ No newline at end of file\n";

    public static string Write(LineDiff diff, int context, string oldLabel, string newLabel)
    {
        if (!diff.HasChanges)
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n').Append("+++ ").Append(newLabel).Append('\n');
        foreach (var group in HunkGroup.Build(diff, context))
        {
            Header(output, group);
            var oldIndex = group.OldStart;
            foreach (var hunk in group.Hunks)
            {
                for (; oldIndex < hunk.OldStart; oldIndex++)
                {
                    Line(output, ' ', diff.OldLines, oldIndex, diff.OldEndsWithNewline);
                }

                for (var i = 0; i < hunk.OldCount; i++)
                {
                    Line(output, '-', diff.OldLines, hunk.OldStart + i, diff.OldEndsWithNewline);
                }

                for (var i = 0; i < hunk.NewCount; i++)
                {
                    Line(output, '+', diff.NewLines, hunk.NewStart + i, diff.NewEndsWithNewline);
                }

                oldIndex = hunk.OldStart + hunk.OldCount;
            }

            for (; oldIndex < group.OldEnd; oldIndex++)
            {
                Line(output, ' ', diff.OldLines, oldIndex, diff.OldEndsWithNewline);
            }
        }

        return output.ToString();
    }

    public static string WriteWords(LineDiff diff, int context)
    {
        var output = new StringBuilder();
        foreach (var group in HunkGroup.Build(diff, context))
        {
            Header(output, group);
            var oldIndex = group.OldStart;
            foreach (var hunk in group.Hunks)
            {
                for (; oldIndex < hunk.OldStart; oldIndex++)
                {
                    output.Append(diff.OldLines[oldIndex]).Append('\n');
                }

                var marked = WordDiff.Compute(string.Join('\n', hunk.Removed), string.Join('\n', hunk.Added));
                output.Append(WordDiff.Render(marked)).Append('\n');
                oldIndex = hunk.OldStart + hunk.OldCount;
            }

            for (; oldIndex < group.OldEnd; oldIndex++)
            {
                output.Append(diff.OldLines[oldIndex]).Append('\n');
            }
        }

        return output.ToString();
    }

    private static void Header(StringBuilder output, HunkGroup group) =>
        output.Append("@@ -").Append(Range(group.OldStart, group.OldEnd - group.OldStart))
            .Append(" +").Append(Range(group.NewStart, group.NewEnd - group.NewStart)).Append(" @@\n");

    // GNU style: "start,count" one-based, ",1" left out, an empty range named by the line before it.
    private static string Range(int start, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{start},0"),
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{start + 1},{count}"),
    };

    private static void Line(StringBuilder output, char mark, IReadOnlyList<string> lines, int index, bool endsWithNewline)
    {
        output.Append(mark).Append(lines[index]).Append('\n');
        if (index == lines.Count - 1 && !endsWithNewline)
        {
            output.Append(NoNewline);
        }
    }
}
