using ModelContextProtocol;
using Xunit;

namespace Strata.Mcp.Tests;

public sealed class TextWindowsTests
{
    [Fact]
    public void Slice_LongText_SaysWhereToContinue()
    {
        var window = TextWindows.Slice(new string('a', 250), 100, null, 100, "get_item again (id=X)");

        Assert.Equal(100, window.Length);
        Assert.True(window.Truncated);
        Assert.Equal(200, window.NextOffset);
        Assert.Equal("truncated: this is characters 100–200 of 250; call get_item again (id=X) with offset=200 for the rest", window.Continuation);
    }

    [Fact]
    public void Slice_LastWindow_IsNotTruncated()
    {
        var window = TextWindows.Slice("short text", 6, null, 100, "x");

        Assert.Equal("text", window.Text);
        Assert.False(window.Truncated);
        Assert.Null(window.NextOffset);
        Assert.Null(window.Continuation);
    }

    [Fact]
    public void Slice_NeverSplitsASurrogatePair()
    {
        var window = TextWindows.Slice("ab😀cd", 0, null, 3, "x");

        Assert.Equal("ab", window.Text);
        Assert.Equal(2, window.NextOffset);
    }

    [Fact]
    public void Slice_OutOfRange_Throws()
    {
        Assert.Throws<McpException>(() => TextWindows.Slice("abc", 9, null, 10, "x"));
        Assert.Throws<McpException>(() => TextWindows.Slice("abc", 0, null, 0, "x"));
        Assert.Throws<McpException>(() => TextWindows.Slice("abc", 0, null, McpLimits.MaxTextChars + 1, "x"));
    }
}
