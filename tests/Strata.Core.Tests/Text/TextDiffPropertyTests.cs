using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class TextDiffPropertyTests
{
    [Fact]
    public void Compute_RandomTexts_RebuildNewTextWithMinimalEdits()
    {
        var random = new Random(20240105);
        for (var round = 0; round < 500; round++)
        {
            var oldLines = RandomLines(random);
            var newLines = RandomLines(random);

            var diff = TextDiff.Compute(Join(oldLines), Join(newLines));

            Assert.Equal(newLines, Rebuild(diff));
            var edits = diff.Statistics.LinesAdded + diff.Statistics.LinesRemoved;
            Assert.Equal(oldLines.Length + newLines.Length - (2 * LongestCommonSubsequence(oldLines, newLines)), edits);
        }
    }

    private static string[] RandomLines(Random random) =>
        Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(3))).ToString()).ToArray();

    private static string Join(string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private static List<string> Rebuild(LineDiff diff)
    {
        var rebuilt = new List<string>();
        var oldIndex = 0;
        foreach (var hunk in diff.Hunks)
        {
            rebuilt.AddRange(diff.OldLines.Skip(oldIndex).Take(hunk.OldStart - oldIndex));
            rebuilt.AddRange(hunk.Added);
            oldIndex = hunk.OldStart + hunk.OldCount;
        }

        rebuilt.AddRange(diff.OldLines.Skip(oldIndex));
        return rebuilt;
    }

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}
