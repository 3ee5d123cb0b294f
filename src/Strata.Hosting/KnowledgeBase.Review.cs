using Strata.Core.Memory;
using Strata.Hosting.Memory;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>The scheduler: <c>Memory</c> settings with weights from the config, else the last fitted ones, else the defaults.</summary>
    public async Task<FsrsScheduler> GetSchedulerAsync(CancellationToken cancellationToken)
    {
        var fitted = Options.Memory.Weights is { Count: > 0 } ? null : await _cards.GetParametersAsync(cancellationToken).ConfigureAwait(false);
        return new FsrsScheduler(Options.Memory, fitted);
    }

    /// <summary>Cards due now (optionally in a deck/tag), earliest first.</summary>
    public Task<IReadOnlyList<Card>> ListDueCardsAsync(string? tag, int limit, CancellationToken cancellationToken) =>
        _cards.ListCardsAsync(new CardFilter { Tag = tag, DueBefore = _time.GetUtcNow(), Limit = limit }, cancellationToken);

    /// <summary>How many cards are due now (optionally in a deck/tag).</summary>
    public Task<int> CountDueCardsAsync(string? tag, CancellationToken cancellationToken) =>
        _cards.CountCardsAsync(new CardFilter { Tag = tag, DueBefore = _time.GetUtcNow() }, cancellationToken);

    /// <summary>The next due card with its four possible outcomes; null when nothing is due. Reading changes nothing.</summary>
    public async Task<ReviewPrompt?> NextReviewAsync(string? tag, CancellationToken cancellationToken)
    {
        var next = await ListDueCardsAsync(tag, 1, cancellationToken).ConfigureAwait(false);
        return next.Count == 0 ? null : await PromptForAsync(next[0], await CountDueCardsAsync(tag, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The review prompt for one card (due or not).</summary>
    public async Task<ReviewPrompt> PromptForAsync(Card card, int due, CancellationToken cancellationToken)
    {
        var scheduler = await GetSchedulerAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var (question, answer) = Sides(card);
        var item = card.ItemId is null ? null : await _store.GetAsync(card.ItemId, cancellationToken).ConfigureAwait(false);
        return new ReviewPrompt(card, question, answer, scheduler.Preview(card.Memory, now), scheduler.Retrievability(card.Memory, now), due,
            item?.DisplayTitle, item is null ? null : LinkOf(item.Id, item.Url, item.SourcePath));
    }

    /// <summary>
    /// Grades a card now and stores its new memory and the review log entry in one transaction, so a session can stop
    /// at any moment and resume. Null when no card matches.
    /// </summary>
    /// <exception cref="InvalidOperationException">The card was graded elsewhere between reading and grading.</exception>
    public async Task<ScheduledReview?> GradeCardAsync(string idOrPrefix, ReviewRating rating, CancellationToken cancellationToken)
    {
        var card = await GetCardAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            return null;
        }

        var scheduler = await GetSchedulerAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var review = scheduler.Review(card.Memory, rating, now);
        var lapse = rating == ReviewRating.Again && card.Memory.State == CardState.Review;
        var graded = card with { Memory = review.Memory, Reps = card.Reps + 1, Lapses = card.Lapses + (lapse ? 1 : 0), UpdatedAt = now };
        var elapsed = card.Memory.LastReview is { } last ? Math.Max(0, Math.Floor((now - last).TotalDays)) : 0;
        var entry = new ReviewLogEntry(card.Id, rating, now, card.Memory.State, elapsed, review.Interval.TotalDays, review.Memory.Stability!.Value, review.Memory.Difficulty!.Value);
        if (!await _cards.RecordReviewAsync(graded, card.Memory.LastReview, entry, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"card {card.Id} was graded elsewhere in the meantime; nothing was changed");
        }

        return review;
    }

    /// <summary>What a card shows before and after it is revealed (cloze cards blank their answers).</summary>
    public static (string Question, string Answer) Sides(Card card)
    {
        if (card.Kind == CardKind.Cloze || ClozeText.IsCloze(card.Front))
        {
            var revealed = ClozeText.Reveal(card.Front);
            var extra = card.Back.Trim() == revealed.Trim() ? string.Empty : "\n" + card.Back;
            return (ClozeText.Mask(card.Front), revealed + extra);
        }

        return (card.Front, card.Back);
    }

    /// <summary>Where an item can be read: its URL, its file, else the command that shows it.</summary>
    private static string LinkOf(string id, string? url, string? sourcePath) =>
        url ?? (sourcePath is not null ? new Uri(Path.GetFullPath(sourcePath)).AbsoluteUri : $"strata show {id}");
}
