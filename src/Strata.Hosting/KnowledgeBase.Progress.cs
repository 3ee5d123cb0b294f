using Strata.Core.Memory;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Cards due, reviews done, true retention against the target, streak, mastery per deck and a 30-day forecast.</summary>
    public async Task<ProgressReport> GetProgressAsync(CancellationToken cancellationToken)
    {
        var cards = await _cards.ListCardsAsync(new CardFilter { IncludeSuspended = true, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var reviews = await _cards.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false);
        var scheduler = await GetSchedulerAsync(cancellationToken).ConfigureAwait(false);
        return ProgressCalculator.Compute(cards, reviews, scheduler, _time.GetUtcNow(), _time.LocalTimeZone);
    }

    /// <summary>
    /// Fits personal FSRS weights to the whole review log and reports the log loss before and after. With too little
    /// history nothing is fitted and the report says so. The fitted weights are used from then on when
    /// <paramref name="save"/> (unless <c>Memory.Weights</c> is set in the config, which always wins).
    /// </summary>
    public async Task<OptimizationReport> OptimizeParametersAsync(bool save, CancellationToken cancellationToken)
    {
        var reviews = await _cards.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false);
        var scheduler = await GetSchedulerAsync(cancellationToken).ConfigureAwait(false);
        var report = await Task.Run(() => FsrsOptimizer.Fit(reviews, scheduler.Parameters, Options.Memory.MinimumReviewsToOptimize), cancellationToken).ConfigureAwait(false);
        if (save && report.Fitted is not null)
        {
            await _cards.SaveParametersAsync(report.Fitted, _time.GetUtcNow(), report.TrainingReviews, report.LogLossBefore, report.LogLossAfter, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }
}
