using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog and runs into the forest.", "en")]
    [InlineData("This is a short note about the design of the search index.", "en")]
    [InlineData("Le chat est sur la table et il dort dans la cuisine.", "fr")]
    [InlineData("Nous avons écrit une lettre pour les enfants de l'école.", "fr")]
    [InlineData("Die Katze ist auf dem Tisch und schläft nicht mit dem Hund.", "de")]
    [InlineData("Ich habe das Buch gelesen, aber es war nicht sehr gut.", "de")]
    [InlineData("El gato está en la mesa y el perro duerme en la cocina.", "es")]
    [InlineData("¿Dónde están los libros que compraste para tu hermana?", "es")]
    [InlineData("我的个人知识库系统支持全文检索和向量搜索。", "zh")]
    [InlineData("これは私の個人的な知識ベースです。検索もできます。", "ja")]
    [InlineData("カタカナのテキスト", "ja")]
    [InlineData("이것은 개인 지식 베이스입니다. 검색도 가능합니다.", "ko")]
    [InlineData("Это моя личная база знаний, и поиск тоже работает.", "ru")]
    [InlineData("Strata 是一个个人知识库，支持 SQLite FTS5 全文检索。", "zh")]
    public void Detect_ClearSample_ReturnsLanguage(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 67890 !!!")]
    [InlineData("ok")]
    [InlineData("Strata FTS5 SQLite xunit")]
    [InlineData("Ελληνικά κείμενα εδώ για δοκιμή")]
    public void Detect_UnclearOrUnsupported_ReturnsNull(string text)
    {
        Assert.Null(LanguageDetector.Detect(text));
    }

    [Fact]
    public void Detect_LongText_UsesLeadingSampleOnly()
    {
        var text = string.Concat(Enumerable.Repeat("The cat is on the mat and the dog is in the house. ", 200)) + new string('书', 10_000);

        Assert.Equal("en", LanguageDetector.Detect(text));
    }
}
