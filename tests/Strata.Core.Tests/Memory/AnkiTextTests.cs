using Strata.Core.Memory;
using Xunit;

namespace Strata.Core.Tests.Memory;

public sealed class AnkiTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Card Make(string id, CardKind kind, string front, string back, string? deck, string? item, int? start, int? end) => new()
    {
        Id = id, Kind = kind, Origin = CardOrigin.User, Front = front, Back = back, Deck = deck, ItemId = item, SpanStart = start, SpanEnd = end,
        Memory = CardMemory.New(Now), CreatedAt = Now,
    };

    [Theory]
    [InlineData('\t')]
    [InlineData(',')]
    public void WriteThenRead_TricksyFields_RoundTrip(char separator)
    {
        Card[] cards =
        [
            Make("A", CardKind.Basic, "What is \"FSRS\"?", "A scheduler,\twith tabs\nand lines", "ml/memory", "01ITEM", 10, 42),
            Make("B", CardKind.Cloze, "The {{c1::forgetting curve}} drops, fast.", "The forgetting curve drops, fast.", null, null, null, null),
        ];

        var text = AnkiText.Write(cards, separator);
        var (read, problems) = AnkiText.Read(text, separator == '\t' ? ',' : '\t');

        Assert.Empty(problems);
        Assert.Equal(2, read.Count);
        Assert.Equal(new ImportedCard(CardKind.Basic, cards[0].Front, cards[0].Back, "ml/memory", "01ITEM", 10, 42), read[0]);
        Assert.Equal(new ImportedCard(CardKind.Cloze, cards[1].Front, cards[1].Back, null, null, null, null), read[1]);
        Assert.StartsWith(separator == '\t' ? "#separator:tab\n" : "#separator:comma\n", text);
        Assert.Contains("Strata::ml::memory", text);
    }

    [Fact]
    public void Read_AnkiPlainTextWithHtmlAndABadRow_ReadsTheRestAndReportsTheRow()
    {
        var text = "#separator:tab\n#html:true\n#tags column:3\nfront one\tback<br>two &amp; more\tgeo\n\tno front\t\nfront three\tback three\t\n";

        var (read, problems) = AnkiText.Read(text, ',');

        Assert.Equal(2, read.Count);
        Assert.Equal("back\ntwo & more", read[0].Back);
        Assert.Equal("front three", read[1].Front);
        Assert.Single(problems);
        Assert.StartsWith("line 5:", problems[0]);
    }
}
