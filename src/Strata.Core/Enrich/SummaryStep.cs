using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Summaries;

namespace Strata.Core.Enrich;

/// <summary>
/// Makes every item's extractive summary at ingest. Runs on <see cref="ItemState.Extracted"/> items and leaves
/// the state alone, so the index step after it still runs. Best effort: an item without text simply gets none.
/// Abstractive summaries (a model) are a separate pass so bulk ingest never waits on a model.
/// </summary>
public sealed class SummaryStep(SummaryBudget budget, TimeProvider time) : IPipelineStep
{
    public string Name => "summarize";

    public ItemState From => ItemState.Extracted;

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        if (!string.IsNullOrWhiteSpace(item.Text))
        {
            var summary = ExtractiveSummarizer.Summarize(item.Text, budget);
            if (summary.Text.Length > 0)
            {
                context.Summary = new Summary(item.Id, SummaryMethods.Extractive, null, summary.Text, summary.KeyPoints, time.GetUtcNow());
            }
        }

        return Task.FromResult(StepResult.Done);
    }
}
