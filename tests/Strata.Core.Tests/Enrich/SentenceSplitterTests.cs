using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_EnglishWithAbbreviationsAndInitials_KeepsThemInsideSentences()
    {
        const string text = "Dr. Smith met J. R. Tolkien, e.g. at lunch. It rained! Did it?";

        var sentences = SentenceSplitter.Split(text).Select(span => span.Of(text)).ToArray();

        Assert.Equal(["Dr. Smith met J. R. Tolkien, e.g. at lunch.", "It rained!", "Did it?"], sentences);
    }

    [Fact]
    public void Split_ChineseAndListItems_SplitsAtFullWidthStopsAndItems()
    {
        const string text = "知识库很有用。你用过吗？\n\n- first item without a stop\n- second item";

        var sentences = SentenceSplitter.Split(text).Select(span => span.Of(text)).ToArray();

        Assert.Equal(["知识库很有用。", "你用过吗？", "- first item without a stop", "- second item"], sentences);
    }

    [Fact]
    public void QuestionTerms_DropStopAndQuestionWords()
    {
        Assert.Equal(["glaciers", "melt"], QuestionTerms.Extract("Why do the glaciers melt?"));
        Assert.Equal(["知识库", "检索信息"], QuestionTerms.Extract("知识库如何检索信息？"));
    }
}
