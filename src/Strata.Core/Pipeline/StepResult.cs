namespace Strata.Core.Pipeline;

/// <summary>How a step ended for one item.</summary>
public sealed record StepResult(StepOutcome Outcome, string? Error = null)
{
    public static StepResult Done { get; } = new(StepOutcome.Done);

    /// <summary>Stop this item here; nothing to do but not an error (e.g. a duplicate).</summary>
    public static StepResult Stop { get; } = new(StepOutcome.Stop);

    public static StepResult Failed(string error, bool transient = false) =>
        new(transient ? StepOutcome.TransientFailure : StepOutcome.PermanentFailure, error);
}

public enum StepOutcome
{
    Done,
    Stop,
    TransientFailure,
    PermanentFailure,
}
