using Strata.Core.Memory;
using Xunit;

namespace Strata.Core.Tests.Memory;

public sealed class ProgressCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static Card Card(string id, string? deck, DateTimeOffset due, double? stability, bool suspended = false) => new()
    {
        Id = id, Kind = CardKind.Basic, Origin = CardOrigin.User, Front = id, Back = id, Deck = deck, Suspended = suspended,
        Memory = new CardMemory(stability is null ? CardState.Learning : CardState.Review, stability is null ? 0 : null, stability, stability is null ? null : 5, due,
            stability is null ? null : due.AddDays(-stability.Value)),
        CreatedAt = Now.AddDays(-40),
    };

    private static ReviewLogEntry Review(string card, DateTimeOffset at, ReviewRating rating, CardState before = CardState.Review) =>
        new(card, rating, at, before, 3, 5, 5, 5);

    [Fact]
    public void Compute_CardsAndReviews_DueRetentionStreakForecastAndDecks()
    {
        Card[] cards =
        [
            Card("new", "ml", Now.AddMinutes(-5), null),
            Card("overdue", "ml", Now.AddDays(-2), 3),
            Card("tonight", "ml", Now.AddHours(6), 30),
            Card("in3days", "bio", Now.AddDays(3), 10),
            Card("in40days", "bio", Now.AddDays(40), 60),
            Card("parked", "bio", Now.AddDays(-1), 5, suspended: true),
        ];
        ReviewLogEntry[] reviews =
        [
            Review("overdue", Now.AddDays(-60), ReviewRating.Again), // outside the 30-day window
            Review("tonight", Now.AddDays(-2), ReviewRating.Good),
            Review("in3days", Now.AddDays(-1), ReviewRating.Again),
            Review("in3days", Now.AddDays(-1).AddMinutes(10), ReviewRating.Good, CardState.Relearning), // not counted: relearning
            Review("in40days", Now.AddHours(-1), ReviewRating.Easy),
            Review("tonight", Now.AddHours(-2), ReviewRating.Hard),
        ];

        var report = ProgressCalculator.Compute(cards, reviews, new FsrsScheduler(new SchedulerOptions()), Now, TimeZoneInfo.Utc);

        Assert.Equal(6, report.Cards);
        Assert.Equal(1, report.Suspended);
        Assert.Equal(1, report.New);
        Assert.Equal(2, report.DueNow);
        Assert.Equal(3, report.DueToday);
        Assert.Equal(4, report.DueThisWeek);
        Assert.Equal(2, report.ReviewsToday);
        Assert.Equal(5, report.Reviews30Days);
        Assert.Equal(6, report.ReviewsTotal);
        Assert.Equal(4, report.RetentionReviews);
        Assert.Equal(0.75, report.TrueRetention);
        Assert.Equal(3, report.StreakDays);
        Assert.Equal(3, report.Forecast[0]);
        Assert.Equal(1, report.Forecast[3]);
        Assert.Equal(4, report.Forecast.Sum());
        var ml = report.Decks.Single(deck => deck.Deck == "ml");
        Assert.Equal((3, 1, 1), (ml.Cards, ml.New, ml.Mature));
        Assert.InRange(ml.Mastery, 0.01, 0.99);
    }

    [Fact]
    public void Streak_GapYesterday_StopsAtTheGap()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        ReviewLogEntry[] reviews = [Review("a", Now, ReviewRating.Good), Review("a", Now.AddDays(-2), ReviewRating.Good)];
        Assert.Equal(1, ProgressCalculator.Streak(reviews, today, TimeZoneInfo.Utc));
        Assert.Equal(0, ProgressCalculator.Streak([Review("a", Now.AddDays(-2), ReviewRating.Good)], today, TimeZoneInfo.Utc));
    }
}
