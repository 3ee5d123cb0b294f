using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Storage;

namespace Strata.Core.Search;

/// <summary>Extracted → Indexed: analyses title, text and tags for the keyword index (stems, CJK bigrams).</summary>
public sealed class IndexStep : IPipelineStep
{
    public string Name => "index";

    public ItemState From => ItemState.Extracted;

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        context.Index = new IndexDocument(
            SearchTextAnalyzer.ToIndexText(item.Title ?? string.Empty),
            SearchTextAnalyzer.ToIndexText(item.Text ?? string.Empty),
            SearchTextAnalyzer.ToIndexText(string.Join(' ', item.Tags.Select(tag => tag.Name.Replace('/', ' ')))));
        context.Item = item with { State = ItemState.Indexed };
        return Task.FromResult(StepResult.Done);
    }
}
