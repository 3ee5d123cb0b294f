using Strata.Core.Items;

namespace Strata.Core.Pipeline;

/// <summary>
/// One idempotent stage of the pipeline. It runs on items in state <see cref="From"/>, updates
/// <see cref="PipelineContext.Item"/> (including its state) and reports a per-item result instead of throwing:
/// one bad item never stops a batch. Steps are stateless and thread-safe.
/// </summary>
public interface IPipelineStep
{
    /// <summary>Short name used in messages ("fetch", "extract", "index").</summary>
    string Name { get; }

    /// <summary>The state this step takes an item out of.</summary>
    ItemState From { get; }

    Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken);
}
