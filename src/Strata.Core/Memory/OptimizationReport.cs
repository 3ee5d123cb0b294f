namespace Strata.Core.Memory;

/// <summary>What fitting personal parameters found.</summary>
/// <param name="Reviews">Review log entries read.</param>
/// <param name="TrainingReviews">Reviews a day or more after the previous one (what the forgetting curve predicts).</param>
/// <param name="LogLossBefore">Log loss of the current parameters on those reviews; null when there were none.</param>
/// <param name="LogLossAfter">Log loss of the fitted parameters on those reviews; null when nothing was fitted.</param>
/// <param name="Fitted">The fitted parameters, or null when there was too little history.</param>
/// <param name="Notice">Why nothing was fitted, in words.</param>
public sealed record OptimizationReport(int Reviews, int TrainingReviews, double? LogLossBefore, double? LogLossAfter, FsrsParameters? Fitted, string? Notice)
{
    /// <summary>Log loss of the current parameters on the cards held out of the fit (every fifth card).</summary>
    public double? HeldOutLogLossBefore { get; init; }

    /// <summary>Log loss of the fitted parameters on the held-out cards, which the fit never saw.</summary>
    public double? HeldOutLogLossAfter { get; init; }
}
