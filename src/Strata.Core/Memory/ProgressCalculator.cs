namespace Strata.Core.Memory;

/// <summary>Computes a <see cref="ProgressReport"/> from cards and the review log. Days are local calendar days. Pure.</summary>
public static class ProgressCalculator
{
    public const int ForecastDays = 30;
    public const int RetentionWindowDays = 30;

    /// <summary>A card is mature once its stability reaches this many days (Anki's threshold).</summary>
    public const double MatureStabilityDays = 21;

    public const string NoDeck = "(no deck)";

    public static ProgressReport Compute(
        IReadOnlyList<Card> cards, IReadOnlyList<ReviewLogEntry> reviews, FsrsScheduler scheduler, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        var endOfToday = EndOf(today, zone);
        var active = cards.Where(card => !card.Suspended).ToArray();
        var forecast = new int[ForecastDays];
        foreach (var card in active)
        {
            var day = Math.Max(0, LocalDate(card.Memory.Due, zone).DayNumber - today.DayNumber);
            if (day < ForecastDays)
            {
                forecast[day]++;
            }
        }

        var windowStart = now.AddDays(-RetentionWindowDays);
        var recent = reviews.Where(review => review.ReviewedAt >= windowStart).ToArray();
        var graded = recent.Where(review => review.StateBefore == CardState.Review).ToArray();
        double? retention = graded.Length == 0 ? null : (double)graded.Count(review => review.Rating != ReviewRating.Again) / graded.Length;
        var decks = active.GroupBy(card => card.Deck ?? NoDeck, StringComparer.Ordinal)
            .Select(deck => Mastery(deck.Key, [.. deck], scheduler, now, endOfToday))
            .OrderByDescending(deck => deck.Cards).ThenBy(deck => deck.Deck, StringComparer.Ordinal)
            .ToArray();
        return new ProgressReport(
            now,
            cards.Count,
            cards.Count - active.Length,
            active.Count(card => card.Memory.IsNew),
            active.Count(card => card.Memory.Due <= now),
            active.Count(card => card.Memory.Due <= endOfToday),
            active.Count(card => card.Memory.Due <= endOfToday.AddDays(6)),
            reviews.Count(review => LocalDate(review.ReviewedAt, zone) == today),
            recent.Length,
            reviews.Count,
            retention,
            graded.Length,
            scheduler.Options.DesiredRetention,
            Streak(reviews, today, zone),
            decks,
            forecast);
    }

    /// <summary>Consecutive days with a review, ending today (or yesterday, while today is still open).</summary>
    public static int Streak(IReadOnlyList<ReviewLogEntry> reviews, DateOnly today, TimeZoneInfo zone)
    {
        var days = reviews.Select(review => LocalDate(review.ReviewedAt, zone)).ToHashSet();
        var day = days.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }

    private static DeckMastery Mastery(string deck, Card[] cards, FsrsScheduler scheduler, DateTimeOffset now, DateTimeOffset endOfToday)
    {
        // Mastery: the mean probability of recalling each card right now (0 for cards never reviewed).
        var mastery = cards.Average(card => scheduler.Retrievability(card.Memory, now));
        return new DeckMastery(
            deck, cards.Length, cards.Count(card => card.Memory.IsNew), cards.Count(card => card.Memory.Stability >= MatureStabilityDays),
            cards.Count(card => card.Memory.Due <= endOfToday), mastery);
    }

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset EndOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
