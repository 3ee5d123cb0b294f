using Strata.Semantic.Chunking;
using Xunit;

namespace Strata.Semantic.Tests.Chunking;

/// <summary>The piece-cached counts must be exactly what the o200k tokenizer itself returns.</summary>
public sealed class TokenCounterTests
{
    private static readonly string[] Texts =
    [
        "The quick brown fox jumps over the lazy dog.",
        "Antidisestablishmentarianism and pneumonoultramicroscopicsilicovolcanoconiosis are long words; so is supercalifragilisticexpialidocious.",
        "知识库是结构化的信息集合。我们今天讨论的是一个关于知识管理的问题，而不是技术！",
        "Mixed 中文 and English, café naïve résumé — «quotes» and emoji 🚀🎉 in one line.\n\n# Heading\n\n- item one\n- item two\n",
        "code: `var x = await Foo(bar, 42);` and numbers 1234567 3.14159, URLs https://example.com/a/b?c=d.",
        "Special <|endoftext|> token inside text, and trailing spaces   \n\n\n   ",
        "   leading whitespace\r\nwindows newlines\r\n\r\nparagraph two.",
    ];

    [Fact]
    public void Count_EqualsTheTokenizer_ForEveryKindOfText()
    {
        foreach (var text in Texts.Append(string.Join("\n\n", Texts)))
        {
            // Twice: the second answer comes from the piece cache.
            Assert.Equal(TokenCounter.Tokenizer.CountTokens(text), TokenCounter.Count(text));
            Assert.Equal(TokenCounter.Tokenizer.CountTokens(text), TokenCounter.Count(text));
        }
    }

    [Fact]
    public void IndexAfter_EqualsTheTokenizer_AtEveryBudget()
    {
        var text = string.Join("\n\n", Texts);
        var total = TokenCounter.Count(text);
        for (var budget = 1; budget <= total + 1; budget++)
        {
            Assert.Equal(TokenCounter.Tokenizer.GetIndexByTokenCount(text, budget, out _, out _), TokenCounter.IndexAfter(text, budget));
        }
    }

    [Fact]
    public void IndexOfLast_KeepsAtMostTheTokensAsked()
    {
        var text = string.Join("\n\n", Texts);
        var total = TokenCounter.Count(text);
        for (var tokens = 1; tokens < total; tokens += 7)
        {
            var start = TokenCounter.IndexOfLast(text, tokens);
            Assert.InRange(start, 1, text.Length);
            Assert.True(TokenCounter.Count(text[start..]) <= tokens + 1, $"{tokens} asked, tail from {start} has {TokenCounter.Count(text[start..])}");
        }
    }
}
