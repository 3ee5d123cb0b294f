namespace Strata.Core.Memory;

/// <summary>The outcome of grading a card: its new memory and the interval until it is due again.</summary>
public sealed record ScheduledReview(ReviewRating Rating, CardMemory Memory, TimeSpan Interval);
