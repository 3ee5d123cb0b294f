using Strata.Core.Memory;

namespace Strata.Hosting.Memory;

/// <summary>
/// The next card to review: its question and answer as shown, what each grade would schedule (shown before the user
/// chooses), its current recall probability, how many cards are due in all, and its source.
/// </summary>
public sealed record ReviewPrompt(
    Card Card, string Question, string Answer, IReadOnlyList<ScheduledReview> Outcomes, double Retrievability, int Due, string? SourceTitle, string? SourceLink);
