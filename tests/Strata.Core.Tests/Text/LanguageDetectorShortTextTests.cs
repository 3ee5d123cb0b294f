using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

/// <summary>Short sentences (5–10 words), several per language, written for these tests.</summary>
public sealed class LanguageDetectorShortTextTests
{
    [Theory]
    [InlineData("Please send me the report tomorrow morning.", "en")]
    [InlineData("My brother bought a new bicycle yesterday.", "en")]
    [InlineData("Weather looks great for hiking today.", "en")]
    [InlineData("Meeting notes from Thursday's planning session", "en")]
    [InlineData("Nouvelle recette de gâteau au chocolat facile.", "fr")]
    [InlineData("Je voudrais réserver une chambre pour demain.", "fr")]
    [InlineData("Pourquoi les oiseaux chantent-ils le matin?", "fr")]
    [InlineData("Quelques réflexions sur l'intelligence artificielle générative", "fr")]
    [InlineData("Morgen fahren wir mit dem Zug nach Berlin.", "de")]
    [InlineData("Kannst du mir bitte das Salz geben?", "de")]
    [InlineData("Neue Erkenntnisse über künstliche Intelligenz veröffentlicht", "de")]
    [InlineData("Schöne Grüße aus dem sonnigen München", "de")]
    [InlineData("Mañana vamos a la playa con mis amigos.", "es")]
    [InlineData("¿Cuánto cuesta este libro de cocina?", "es")]
    [InlineData("Nuevas técnicas de aprendizaje automático explicadas", "es")]
    [InlineData("Receta tradicional española de tortilla de patatas", "es")]
    [InlineData("我们明天去北京开会。", "zh")]
    [InlineData("人工智能改变了世界", "zh")]
    [InlineData("明日は東京で会議があります。", "ja")]
    [InlineData("新しいカメラを買いました", "ja")]
    [InlineData("내일 서울에서 회의가 있습니다.", "ko")]
    [InlineData("새로운 카메라를 샀어요", "ko")]
    [InlineData("Завтра мы поедем в Москву.", "ru")]
    [InlineData("Новые методы машинного обучения", "ru")]
    public void Detect_ShortSentence_ReturnsLanguage(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }
}
