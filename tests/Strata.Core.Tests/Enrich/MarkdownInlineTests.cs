using System.Text.RegularExpressions;
using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed partial class MarkdownInlineTests
{
    public static TheoryData<string> Sentences =>
    [
        "Plain sentence without any markup.",
        "  Leading and trailing blanks, and  double   spaces.  ",
        "Tabs\tand\nline\r\nbreaks and\u00A0no-break\u2003em spaces.",
        "See [the docs](https://example.com/docs) and ![a figure](fig.png) here.",
        "A [bracket] that is no link, and (parentheses).",
        "Some **bold**, __strong__, `code` and *single* _marks_.",
        "- a list item with **emphasis**",
        "  * starred item",
        "+ plus item",
        "> quoted line",
        "12. numbered item",
        "3) another numbered item",
        "٣. Arabic-Indic digit item",
        "-no space after the dash",
        "2024 was a year.",
        "**- not a list marker until the emphasis goes**",
        "知识库是一种存储和管理知识的系统。",
        "   ",
        "",
    ];

    [Theory]
    [MemberData(nameof(Sentences))]
    public void ToPlain_GivesWhatTheFullRegexPipelineGives(string sentence) =>
        Assert.Equal(Reference(sentence), MarkdownInline.ToPlain(sentence));

    [Fact]
    public void ToPlain_LongSentence_IsCollapsedOffTheStack()
    {
        var sentence = string.Concat(Enumerable.Repeat("word  [link](u)\t", 200));

        Assert.Equal(Reference(sentence), MarkdownInline.ToPlain(sentence));
    }

    /// <summary>ToPlain as it was: all four patterns on every sentence.</summary>
    private static string Reference(string sentence)
    {
        var text = Link().Replace(sentence, "$1");
        text = Emphasis().Replace(text, string.Empty);
        text = ListMarker().Replace(text, string.Empty);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:[-*+>]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
