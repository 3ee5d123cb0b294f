using Strata.Core.Memory;
using Xunit;

namespace Strata.Core.Tests.Memory;

public sealed class QuizTests
{
    private static readonly QuizSource[] Pool =
    [
        new("Capital of France?", "Paris", "C1", "I1", "Europe", "https://example.org/fr"),
        new("Capital of Italy?", "Rome", "C2", "I2", "Europe", "https://example.org/it"),
        new("Capital of Spain?", "Madrid", "C3", "I3", "Europe", "https://example.org/es"),
        new("Capital of Austria?", "Vienna", "C4", "I4", "Europe", "https://example.org/at"),
    ];

    [Fact]
    public void Build_EnoughAnswers_MultipleChoiceWithTheAnswerAmongFour()
    {
        var questions = QuizBuilder.Build(Pool, 10, new Random(1));

        Assert.Equal(4, questions.Count);
        Assert.All(questions, question =>
        {
            Assert.Equal(QuizKind.MultipleChoice, question.Kind);
            Assert.Equal(4, question.Choices.Count);
            Assert.Contains(question.Answer, question.Choices);
            Assert.Equal(4, question.Choices.Distinct().Count());
        });
    }

    [Fact]
    public void Build_TooFewAnswers_ClozeToType()
    {
        var questions = QuizBuilder.Build(Pool.Take(2).ToArray(), 2, new Random(1));
        Assert.All(questions, question => Assert.Equal(QuizKind.Cloze, question.Kind));
    }

    [Fact]
    public void Score_MixedAnswers_CountsByNumberTextAndNormalisedTyping()
    {
        var questions = QuizBuilder.Build(Pool, 4, new Random(7));
        var right = questions[0].Choices.ToList().IndexOf(questions[0].Answer) + 1;
        var wrongChoice = questions[1].Choices.First(choice => choice != questions[1].Answer);
        string?[] answers = [right.ToString(), wrongChoice, "  " + questions[2].Answer.ToUpperInvariant() + "!", null];

        var score = QuizScorer.Score(questions, answers);

        Assert.Equal(2, score.Correct);
        Assert.Equal(4, score.Total);
        Assert.Equal(0.5, score.Fraction);
        Assert.Equal([2, 4], score.Missed.Select(miss => miss.Question.Number));
        Assert.All(score.Missed, miss => Assert.StartsWith("https://example.org/", miss.Question.Source.Link));
    }

    [Fact]
    public void IsCorrect_ClozeWithAccentsAndPunctuation_Matches()
    {
        var question = new QuizQuestion(1, QuizKind.Cloze, "[…] is a city", [], "Zürich", Pool[0]);
        Assert.True(QuizScorer.IsCorrect(question, "zurich"));
        Assert.False(QuizScorer.IsCorrect(question, "Bern"));
    }
}
