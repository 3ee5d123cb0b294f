using Strata.Core.Memory;

namespace Strata.Core.Storage;

/// <summary>Cards and their review log. Thread-safe; every write is one transaction.</summary>
public interface ICardStore
{
    /// <summary>Inserts cards; one with the same front as an existing card of the same item is skipped. Returns those inserted.</summary>
    Task<IReadOnlyList<Card>> InsertCardsAsync(IReadOnlyList<Card> cards, CancellationToken cancellationToken);

    /// <summary>The cards whose id starts with <paramref name="idOrPrefix"/> (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<Card>> FindCardsAsync(string idOrPrefix, int limit, CancellationToken cancellationToken);

    /// <summary>Cards matching <paramref name="filter"/>, earliest due first.</summary>
    Task<IReadOnlyList<Card>> ListCardsAsync(CardFilter filter, CancellationToken cancellationToken);

    /// <summary>How many cards match <paramref name="filter"/> (its limit ignored).</summary>
    Task<int> CountCardsAsync(CardFilter filter, CancellationToken cancellationToken);

    /// <summary>Replaces front, back, deck, note and the suspended mark; false when the card does not exist.</summary>
    Task<bool> UpdateCardAsync(Card card, CancellationToken cancellationToken);

    /// <summary>Deletes a card and its review log; false when it does not exist.</summary>
    Task<bool> DeleteCardAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a grade: the card's new memory, reps and lapses and the log entry, atomically. Returns false (and
    /// stores nothing) when the card's last review is no longer <paramref name="expectedLastReview"/> — it was graded
    /// elsewhere in the meantime.
    /// </summary>
    Task<bool> RecordReviewAsync(Card graded, DateTimeOffset? expectedLastReview, ReviewLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Review log entries at or after <paramref name="since"/> (all when null), oldest first, with the card's deck.</summary>
    Task<IReadOnlyList<ReviewLogEntry>> ListReviewsAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Keeps fitted FSRS weights; the latest saved are the ones used.</summary>
    Task SaveParametersAsync(FsrsParameters parameters, DateTimeOffset fittedAt, int reviews, double? logLossBefore, double? logLossAfter, CancellationToken cancellationToken);

    /// <summary>The latest fitted weights, or null when none were saved.</summary>
    Task<FsrsParameters?> GetParametersAsync(CancellationToken cancellationToken);
}
