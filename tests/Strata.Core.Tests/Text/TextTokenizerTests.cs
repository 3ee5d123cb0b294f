using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class TextTokenizerTests
{
    private static List<(string Text, int Start, int Length, TextTokenKind Kind, bool IsRunTail)> Tokens(string text)
    {
        var result = new List<(string, int, int, TextTokenKind, bool)>();
        foreach (var token in new TextTokenizer(text))
        {
            result.Add((token.Text.ToString(), token.Start, token.Length, token.Kind, token.IsRunTail));
        }

        return result;
    }

    [Fact]
    public void Tokenize_EnglishSentence_YieldsLowerCaseWordsWithOffsets()
    {
        var tokens = Tokens("Hello, World 42!");

        Assert.Equal(
            [("hello", 0, 5, TextTokenKind.Word, false), ("world", 7, 5, TextTokenKind.Word, false), ("42", 13, 2, TextTokenKind.Word, false)],
            tokens);
    }

    [Fact]
    public void Tokenize_ApostropheInsideWord_DropsApostropheAndKeepsOffsets()
    {
        var tokens = Tokens("don't ’quote’ it’s");

        Assert.Equal(["dont", "quote", "its"], tokens.Select(t => t.Text));
        Assert.Equal((0, 5), (tokens[0].Start, tokens[0].Length));
        Assert.Equal((7, 5), (tokens[1].Start, tokens[1].Length));
    }

    [Fact]
    public void Tokenize_DiacriticsAndFullwidth_FoldsToAscii()
    {
        var tokens = Tokens("Café NAÏVE Ｓｔｒａｔａ e\u0301te");

        Assert.Equal(["cafe", "naive", "strata", "ete"], tokens.Select(t => t.Text));
        Assert.Equal(4, tokens[3].Length);
    }

    [Fact]
    public void Tokenize_Cyrillic_LowerCasesWord()
    {
        var tokens = Tokens("Привет мир");

        Assert.Equal(["привет", "мир"], tokens.Select(t => t.Text));
        Assert.Equal(7, tokens[1].Start);
    }

    [Fact]
    public void Tokenize_ChineseRun_YieldsOverlappingBigramsThenTail()
    {
        var tokens = Tokens("个人知识库。");

        Assert.Equal(["个人", "人知", "知识", "识库", "库"], tokens.Select(t => t.Text));
        Assert.Equal([0, 1, 2, 3, 4], tokens.Select(t => t.Start));
        Assert.All(tokens, t => Assert.Equal(TextTokenKind.Cjk, t.Kind));
        Assert.Equal([false, false, false, false, true], tokens.Select(t => t.IsRunTail));
    }

    [Fact]
    public void Tokenize_SingleCharacterRun_YieldsCharacterOnceNotAsTail()
    {
        var tokens = Tokens("a 书 b");

        Assert.Equal([("a", 0, 1, TextTokenKind.Word, false), ("书", 2, 1, TextTokenKind.Cjk, false), ("b", 4, 1, TextTokenKind.Word, false)], tokens);
    }

    [Fact]
    public void Tokenize_MixedLatinAndCjk_SplitsAtScriptBoundary()
    {
        var tokens = Tokens("iPhone手机2026年");

        Assert.Equal(["iphone", "手机", "机", "2026", "年"], tokens.Select(t => t.Text));
        Assert.Equal([0, 6, 7, 8, 12], tokens.Select(t => t.Start));
    }

    [Fact]
    public void Tokenize_SurrogatePairCjkExtensionB_TreatsPairAsOneCharacter()
    {
        const string ext = "\U00020000"; // CJK Extension B
        var tokens = Tokens("中" + ext + "文");

        Assert.Equal(["中" + ext, ext + "文", "文"], tokens.Select(t => t.Text));
        Assert.Equal([(0, 3), (1, 3), (3, 1)], tokens.Select(t => (t.Start, t.Length)));
    }

    [Fact]
    public void Tokenize_JapaneseAndKorean_AreBigrammed()
    {
        Assert.Equal(["東京", "京タ", "タワ", "ワー", "ー"], Tokens("東京タワー").Select(t => t.Text));
        Assert.Equal(["한국", "국어", "어"], Tokens("한국어").Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_LoneSurrogateAndPunctuation_SkipsWithoutThrowing()
    {
        var tokens = Tokens("\uD800 x \uDC00 -- \u3000 y");

        Assert.Equal(["x", "y"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_VeryLongWord_TruncatesTextButOffsetsCoverWord()
    {
        var word = new string('a', 100);

        var tokens = Tokens(word + " b");

        Assert.Equal(TextTokenizer.MaxWordLength, tokens[0].Text.Length);
        Assert.Equal(100, tokens[0].Length);
        Assert.Equal("b", tokens[1].Text);
    }

    [Fact]
    public void Tokenize_Empty_YieldsNothing()
    {
        Assert.Empty(Tokens(string.Empty));
    }

    [Fact]
    public void Tokenize_PlainAndMixedWordsAlike_WhetherOrNotTheTokenPointsIntoTheText()
    {
        // Lower-case ASCII words take a path that does not copy; every neighbour of that path must give what the general one gives.
        var tokens = Tokens("abc1 Abc don't ab' ab'cd x\0y a" + new string('b', 63) + " " + new string('c', 65) + " word\u2019s caf\u00e9");

        Assert.Equal(
            ["abc1", "abc", "dont", "ab", "abcd", "x", "y", "a" + new string('b', 63), new string('c', 64), "words", "cafe"],
            tokens.Select(t => t.Text));
        Assert.Equal((5, 3), (tokens[1].Start, tokens[1].Length));
        Assert.Equal(65, tokens[8].Length);
    }
}
