using Strata.Core.Memory;
using Xunit;

namespace Strata.Core.Tests.Memory;

public sealed class ClozeTests
{
    private const string Text =
        "Spaced repetition schedules each review just before you would forget. The forgetting curve drops fast after learning. " +
        "Retrieval practice means each review asks you to produce the answer from memory. Cards should be small and atomic. " +
        "A scheduler such as FSRS predicts the stability of a memory from its review history.";

    [Fact]
    public void ClozeText_MakeMaskReveal_RoundTrips()
    {
        var cloze = ClozeText.Make("The forgetting curve drops fast.", 4, 10);
        Assert.Equal("The {{c1::forgetting}} curve drops fast.", cloze);
        Assert.Equal("The […] curve drops fast.", ClozeText.Mask(cloze));
        Assert.Equal("The forgetting curve drops fast.", ClozeText.Reveal(cloze));
        Assert.Equal(["forgetting"], ClozeText.Answers(cloze));
        Assert.Equal("a [hint] b", ClozeText.Mask("a {{c1::x::hint}} b"));
    }

    [Fact]
    public void Generate_KeySentences_BlankAKeywordAndKeepTheSpan()
    {
        var drafts = ClozeGenerator.Generate("ITEM", Text, ["spaced repetition", "review", "stability"], 3);

        Assert.NotEmpty(drafts);
        Assert.All(drafts, draft =>
        {
            Assert.Equal(CardKind.Cloze, draft.Kind);
            Assert.True(ClozeText.IsCloze(draft.Front));
            Assert.Equal(draft.Passage, Text[draft.SpanStart!.Value..draft.SpanEnd!.Value]);
            Assert.Contains(ClozeText.Answers(draft.Front)[0], ["Spaced repetition", "review", "stability"], StringComparer.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void FindTerm_WordInsideAnotherWord_IsNotMatched()
    {
        Assert.Equal((0, 0), ClozeGenerator.FindTerm("Reviewing is not the same thing.", ["review"]));
        Assert.Equal((4, 6), ClozeGenerator.FindTerm("The review comes first in the day.", ["review"]));
    }

    [Fact]
    public void PassageLocator_DifferentWhitespaceAndCase_FindsTheSpan()
    {
        var text = "First line.\nThe forgetting\n  curve drops fast.";
        var (start, end) = PassageLocator.Find(text, "the forgetting curve drops");
        Assert.Equal(12, start);
        Assert.Equal("The forgetting\n  curve drops", text[start!.Value..end!.Value]);
        Assert.Equal((null, null), PassageLocator.Find(text, "not there"));
    }
}
