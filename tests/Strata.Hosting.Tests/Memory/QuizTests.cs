using Strata.Core.Memory;
using Strata.Hosting.Tests.Models;
using Xunit;

namespace Strata.Hosting.Tests.Memory;

public sealed class QuizTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task BuildQuizAsync_NoCards_ClozeQuestionsFromTheTopicsItemsWithTheirSources()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;

        var questions = await fixture.Kb.BuildQuizAsync("climate", 5, seed: 1, None);

        Assert.NotEmpty(questions);
        Assert.All(questions, question =>
        {
            Assert.Contains(question.Source.ItemId, ids[..2]);
            Assert.Equal($"strata show {question.Source.ItemId}", question.Source.Link);
            Assert.Contains("[…]", question.Prompt, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(questions, question => question.Source.ItemId == ids[2]);
    }

    [Fact]
    public async Task BuildQuizAsync_SameSeed_SameQuizAndScoringFindsTheMiss()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;
        foreach (var (front, back) in new[] { ("Where does meltwater go?", "Rivers"), ("What bleaches reefs?", "Warm water"), ("What does a carbon price tax?", "Emissions"), ("What measures ice loss?", "Radar") })
        {
            await fixture.Kb.AddCardAsync(ids[0], front, back, "quiz", null, None);
        }

        var first = await fixture.Kb.BuildQuizAsync("quiz", 4, seed: 9, None);
        var second = await fixture.Kb.BuildQuizAsync("quiz", 4, seed: 9, None);
        var score = QuizScorer.Score(first, [.. first.Select((q, i) => i == 0 ? "wrong" : q.Answer)]);

        Assert.Equal(first.Select(q => (q.Prompt, string.Join('|', q.Choices))), second.Select(q => (q.Prompt, string.Join('|', q.Choices))));
        Assert.All(first, q => Assert.Equal(QuizKind.MultipleChoice, q.Kind));
        Assert.Equal(3, score.Correct);
        Assert.Equal(first[0].Source.CardId, Assert.Single(score.Missed).Question.Source.CardId);
    }
}
