namespace Strata.Core.Memory;

/// <summary>Mastery of one deck: how many cards, how many mature (stability ≥ 21 days), and the mean recall probability now.</summary>
public sealed record DeckMastery(string Deck, int Cards, int New, int Mature, int DueToday, double Mastery);

/// <summary>The learning dashboard: what is due, what was done, how well it is remembered, and what is coming.</summary>
/// <remarks>
/// <c>Forecast</c> holds the cards coming due on each of the next 30 days (day 0 includes everything overdue);
/// <c>TrueRetention</c> is the share of reviews of cards in review (not learning) in the last 30 days that were not
/// Again, null without any.
/// </remarks>
public sealed record ProgressReport(
    DateTimeOffset At,
    int Cards,
    int Suspended,
    int New,
    int DueNow,
    int DueToday,
    int DueThisWeek,
    int ReviewsToday,
    int Reviews30Days,
    int ReviewsTotal,
    double? TrueRetention,
    int RetentionReviews,
    double TargetRetention,
    int StreakDays,
    IReadOnlyList<DeckMastery> Decks,
    IReadOnlyList<int> Forecast);
