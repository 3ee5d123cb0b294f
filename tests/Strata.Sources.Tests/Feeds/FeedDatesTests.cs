using Strata.Sources.Feeds;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Tue, 02 Jan 2024 03:04:05 GMT", "2024-01-02T03:04:05Z")]
    [InlineData("Tue, 02 Jan 2024 03:04:05 +0100", "2024-01-02T02:04:05Z")]
    [InlineData("02 Jan 2024 03:04:05 -0500", "2024-01-02T08:04:05Z")]
    [InlineData("Tue, 2 Jan 2024 03:04 GMT+0100", "2024-01-02T02:04:00Z")]
    [InlineData("Tue, 02 Jan 2024 03:04:05 GMT+1", "2024-01-02T02:04:05Z")]
    [InlineData("Tuesday, 02 January 2024 03:04:05 PST", "2024-01-02T11:04:05Z")]
    [InlineData("Tue, 02 Jan 24 03:04:05 UT", "2024-01-02T03:04:05Z")]
    [InlineData("Sun, 02 Jan 2024 03:04:05 CEST", "2024-01-02T01:04:05Z")]
    [InlineData("Tue, 02 Sept 2024 03:04:05 +02:00", "2024-09-02T01:04:05Z")]
    [InlineData("02 Jan 2024", "2024-01-02T00:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 03:04:05", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T03:04:05.5+01:00", "2024-01-02T02:04:05.5Z")]
    [InlineData("2024-01-02T03:04:05+0100", "2024-01-02T02:04:05Z")]
    [InlineData("2024-01-02 03:04:05", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02", "2024-01-02T00:00:00Z")]
    [InlineData("  2024-01-02T24:00:00Z ", "2024-01-03T00:00:00Z")]
    public void Parse_CommonAndOddForms_ReadsInstant(string input, string expectedUtc)
    {
        var parsed = FeedDates.Parse(input);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    [InlineData("Tue, 31 Feb 2024 03:04:05 GMT")]
    [InlineData("2024-13-02T03:04:05Z")]
    [InlineData("Tue, 02 Foo 2024 03:04:05 GMT")]
    public void Parse_Junk_ReturnsNull(string? input)
    {
        Assert.Null(FeedDates.Parse(input));
    }
}
