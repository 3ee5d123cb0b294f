using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class TextDiffTests
{
    private const string Greek = "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\nnu\nxi\nomicron\npi\n";

    [Theory]
    [InlineData("")]
    [InlineData("one line")]
    [InlineData("a\nb\nc\n")]
    public void Compute_IdenticalTexts_NoHunks(string text)
    {
        var diff = TextDiff.Compute(text, text);

        Assert.False(diff.HasChanges);
        Assert.Empty(diff.Hunks);
        Assert.Equal(1.0, diff.Statistics.Similarity);
        Assert.Equal(string.Empty, TextDiff.ToUnified(diff));
        Assert.Equal(string.Empty, TextDiff.ToWordDiff(diff));
    }

    [Theory]
    [InlineData("b\nc\n", "a\nb\nc\n", 0, 0, 0, "", "a")]
    [InlineData("a\nc\n", "a\nb\nc\n", 1, 1, 0, "", "b")]
    [InlineData("a\nb\n", "a\nb\nc\n", 2, 2, 0, "", "c")]
    [InlineData("a\nb\nc\n", "b\nc\n", 0, 0, 1, "a", "")]
    [InlineData("a\nb\nc\n", "a\nc\n", 1, 1, 1, "b", "")]
    [InlineData("a\nb\nc\n", "a\nb\n", 2, 2, 1, "c", "")]
    [InlineData("a\nb\nc\n", "X\nb\nc\n", 0, 0, 1, "a", "X")]
    [InlineData("a\nb\nc\n", "a\nX\nc\n", 1, 1, 1, "b", "X")]
    [InlineData("a\nb\nc\n", "a\nb\nX\n", 2, 2, 1, "c", "X")]
    public void Compute_SingleChange_OneHunkAtThePlace(
        string oldText, string newText, int oldStart, int newStart, int removedCount, string removed, string added)
    {
        var diff = TextDiff.Compute(oldText, newText);

        var hunk = Assert.Single(diff.Hunks);
        Assert.Equal(oldStart, hunk.OldStart);
        Assert.Equal(newStart, hunk.NewStart);
        Assert.Equal(removedCount, hunk.OldCount);
        Assert.Equal(removed, string.Join('\n', hunk.Removed));
        Assert.Equal(added, string.Join('\n', hunk.Added));
    }

    [Fact]
    public void Compute_InterleavedChanges_MinimalScriptAndStatistics()
    {
        var diff = TextDiff.Compute("a\nb\nc\na\nb\nb\na\n", "c\nb\na\nb\na\nc\n");

        Assert.Equal(5, diff.Statistics.LinesAdded + diff.Statistics.LinesRemoved);
        Assert.Equal(4, diff.Statistics.LinesUnchanged);
        Assert.Equal(8.0 / 13, diff.Statistics.Similarity, 6);
        AssertReconstructs(diff);
    }

    [Fact]
    public void Compute_CrLfAndLf_AreTheSameLines()
    {
        Assert.False(TextDiff.Compute("a\r\nb\r\n", "a\nb\n").HasChanges);
    }

    [Fact]
    public void ToUnified_SmallCase_MatchesGnuDiff()
    {
        var newText = Greek.Replace("beta", "BETA", StringComparison.Ordinal) + "rho";

        var unified = TextDiff.ToUnified(TextDiff.Compute(Greek, newText));

        Assert.Equal(
            """
            --- previous
            +++ current
            @@ -1,5 +1,5 @@
             alpha
            -beta
            +BETA
             gamma
             delta
             epsilon
            @@ -14,3 +14,4 @@
             xi
             omicron
             pi
            +rho
            \ No newline at end of file

            """.ReplaceLineEndings("\n"),
            unified);
    }

    [Theory]
    [InlineData("a\nX\nc\nd\ne\nf\ng\nh\nY\nj\n", "@@ -1,10 +1,10 @@\n a\n-b\n+X\n c\n d\n e\n f\n g\n h\n-i\n+Y\n j\n")]
    [InlineData("a\nX\nc\nd\ne\nf\ng\nh\ni\nY\n", "@@ -1,5 +1,5 @@\n a\n-b\n+X\n c\n d\n e\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+Y\n")]
    public void ToUnified_GapOfSixJoinsSevenSplits_LikeGnuDiff(string newText, string expectedHunks)
    {
        var unified = TextDiff.ToUnified(TextDiff.Compute("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", newText), oldLabel: "o", newLabel: "n");

        Assert.Equal("--- o\n+++ n\n" + expectedHunks, unified);
    }

    [Fact]
    public void ToUnified_FromEmpty_UsesZeroRange()
    {
        var unified = TextDiff.ToUnified(TextDiff.Compute(string.Empty, "a\nb\n"));

        Assert.Equal("--- previous\n+++ current\n@@ -0,0 +1,2 @@\n+a\n+b\n", unified);
    }

    [Fact]
    public void Compute_TenThousandLinesThreeChanged_FindsExactlyThoseLines()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => $"Line {i}: the archive keeps every version of the page.").ToArray();
        var changed = (string[])lines.Clone();
        changed[10] = "Line 10 was edited.";
        changed[5_000] = "Line 5000 was edited.";
        changed[9_990] = "Line 9990 was edited.";

        var diff = TextDiff.Compute(string.Join('\n', lines) + "\n", string.Join('\n', changed) + "\n");

        Assert.False(diff.IsCoarse);
        Assert.Equal([10, 5_000, 9_990], diff.Hunks.Select(h => h.OldStart));
        Assert.All(diff.Hunks, h => Assert.Equal((1, 1), (h.OldCount, h.NewCount)));
        Assert.Equal("Line 5000 was edited.", Assert.Single(diff.Hunks[1].Added));
        Assert.Equal(9_997, diff.Statistics.LinesUnchanged);
        AssertReconstructs(diff);
    }

    [Fact]
    public void Compute_OverEditBudget_FallsBackToOneReplacementBetweenCommonEnds()
    {
        var diff = TextDiff.Compute("head\na\nb\nc\ntail\n", "head\nx\ny\nz\ntail\n", maxEditDistance: 2);

        Assert.True(diff.IsCoarse);
        var hunk = Assert.Single(diff.Hunks);
        Assert.Equal(["a", "b", "c"], hunk.Removed);
        Assert.Equal(["x", "y", "z"], hunk.Added);
    }

    [Fact]
    public void ToWordDiff_ChangedSentence_MarksOnlyChangedWords()
    {
        var marked = TextDiff.ToWordDiff(
            "The quick brown fox jumps over the lazy dog.",
            "The quick red fox leaps over the very lazy dog!");

        Assert.Equal("The quick [-brown-]{+red+} fox [-jumps-]{+leaps+} over the {+very +}lazy dog[-.-]{+!+}", marked);
    }

    [Fact]
    public void ToWordDiff_NeighbouringWords_JoinedIntoOneChange()
    {
        Assert.Equal("[-the quick-]{+a slow+} fox", TextDiff.ToWordDiff("the quick fox", "a slow fox"));
    }

    [Fact]
    public void ToWordDiff_LineDiff_ShowsContextAndMarkedChange()
    {
        var diff = TextDiff.Compute("# Notes\n\nSpaced repetition works.\n\nEnd.\n", "# Notes\n\nSpaced repetition really works.\n\nEnd.\n");

        Assert.Equal("@@ -1,5 +1,5 @@\n# Notes\n\nSpaced repetition {+really +}works.\n\nEnd.\n", TextDiff.ToWordDiff(diff));
    }

    private static void AssertReconstructs(LineDiff diff)
    {
        var rebuilt = new List<string>();
        var oldIndex = 0;
        foreach (var hunk in diff.Hunks)
        {
            rebuilt.AddRange(diff.OldLines.Skip(oldIndex).Take(hunk.OldStart - oldIndex));
            Assert.Equal(rebuilt.Count, hunk.NewStart);
            rebuilt.AddRange(hunk.Added);
            oldIndex = hunk.OldStart + hunk.OldCount;
        }

        rebuilt.AddRange(diff.OldLines.Skip(oldIndex));
        Assert.Equal(diff.NewLines, rebuilt);
    }
}
