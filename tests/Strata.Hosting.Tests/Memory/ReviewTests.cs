using Strata.Core.Memory;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Hosting.Tests.Memory;

public sealed class ReviewTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GradeCardAsync_Good_StoredAtOnceSoASessionResumesAfterReopening()
    {
        using var directory = new TempDirectory("strata-review");
        var time = new ManualTimeProvider(Start);
        var data = new DataDirectory(directory.Combine("data"));
        var options = new StrataOptions { DataDirectory = data.Root };
        string first, second;
        await using (var kb = await KnowledgeBase.OpenAsync(data, options, time))
        {
            var item = (await kb.AddNoteAsync("The hippocampus consolidates memories during sleep.", new AddOptions { Title = "Sleep" }, null, None)).Entries.Single().ItemId!;
            first = (await kb.AddCardAsync(item, "What consolidates memories?", "The hippocampus", "bio", null, None)).Id;
            time.Now = Start.AddSeconds(1);
            second = (await kb.AddCardAsync(item, "When are memories consolidated?", "During sleep", "bio", null, None)).Id;

            var prompt = await kb.NextReviewAsync(null, None);
            Assert.Equal(first, prompt!.Card.Id);
            Assert.Equal(2, prompt.Due);
            Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(10), TimeSpan.FromDays(8)], prompt.Outcomes.Select(o => o.Interval));
            var review = await kb.GradeCardAsync(first, ReviewRating.Easy, None);
            Assert.Equal(TimeSpan.FromDays(8), review!.Interval);
        }

        await using (var kb = await KnowledgeBase.OpenAsync(data, options, time))
        {
            var next = await kb.NextReviewAsync(null, None);
            Assert.Equal(second, next!.Card.Id);
            Assert.Equal(1, next.Due);
            var graded = await kb.GetCardAsync(first, None);
            Assert.Equal(CardState.Review, graded!.Memory.State);
            Assert.Equal(Start.AddSeconds(1).AddDays(8), graded.Memory.Due);
            Assert.Equal(1, graded.Reps);

            time.Now = Start.AddDays(9);
            await kb.GradeCardAsync(first, ReviewRating.Again, None);
            var lapsed = await kb.GetCardAsync(first, None);
            Assert.Equal((CardState.Relearning, 1), (lapsed!.Memory.State, lapsed.Lapses));
            Assert.Equal(time.Now.AddMinutes(10), lapsed.Memory.Due);

            var progress = await kb.GetProgressAsync(None);
            Assert.Equal(2, progress.ReviewsTotal);
            Assert.Equal(0.0, progress.TrueRetention);
            Assert.Equal(1, progress.StreakDays);

            var optimize = await kb.OptimizeParametersAsync(save: true, None);
            Assert.Null(optimize.Fitted);
            Assert.Contains("too little history", optimize.Notice, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExportThenImport_IntoAnotherBase_KeepsTextDeckAndKind()
    {
        using var directory = new TempDirectory("strata-anki");
        var options = new StrataOptions();
        string exported;
        await using (var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Combine("a")), options))
        {
            var item = (await kb.AddNoteAsync("Mitochondria make ATP for the cell, the energy it runs on.", new AddOptions { Title = "Cells", Tags = ["bio/cell"] }, null, None)).Entries.Single().ItemId!;
            await kb.AddCardAsync(item, "What makes ATP?", "Mitochondria,\tin \"every\" cell\nmostly", null, "Mitochondria make ATP", None);
            await kb.AddCardFromHighlightAsync(item, "Mitochondria make ATP for the cell", null, None);
            (exported, var count) = await kb.ExportCardsAsync(new CardFilter { IncludeSuspended = true }, '\t', None);
            Assert.Equal(2, count);
        }

        await using (var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Combine("b")), options))
        {
            var report = await kb.ImportCardsAsync(exported, ',', None);
            var again = await kb.ImportCardsAsync(exported, ',', None);
            var cards = await kb.ListCardsAsync(new CardFilter { IncludeSuspended = true }, None);

            Assert.Equal((2, 0), (report.Added, report.Duplicates));
            Assert.Equal((0, 2), (again.Added, again.Duplicates));
            Assert.Contains(cards, card => card.Back == "Mitochondria,\tin \"every\" cell\nmostly" && card.Deck == "bio/cell" && card.Origin == CardOrigin.Import);
            Assert.Contains(cards, card => card.Kind == CardKind.Cloze);
            Assert.All(cards, card => Assert.True(card.Memory.IsNew));
        }
    }
}
