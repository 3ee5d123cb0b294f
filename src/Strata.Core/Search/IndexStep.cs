using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Search.Ranking;
using Strata.Core.Storage;

namespace Strata.Core.Search;

/// <summary>Extracted → Indexed: analyses title, text and tags for the keyword index (stems, CJK bigrams).</summary>
/// <param name="withTerms">Also tokenise them for the ranked index here, on the parallel workers (SQLite's store files them).</param>
public sealed class IndexStep(bool withTerms = false) : IPipelineStep
{
    public string Name => "index";

    public ItemState From => ItemState.Extracted;

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        context.Index = Describe(item.Title, item.Text, item.Tags.Select(tag => tag.Name));
        context.IndexTerms = withTerms ? DocumentTerms.From(context.Index) : null;
        context.Item = item with { State = ItemState.Indexed };
        return Task.FromResult(StepResult.Done);
    }

    /// <summary>The analysed columns the keyword indexes store for an item (also used to rebuild them).</summary>
    public static IndexDocument Describe(string? title, string? text, IEnumerable<string> tagNames) => new(
        SearchTextAnalyzer.ToIndexText(title ?? string.Empty),
        SearchTextAnalyzer.ToIndexText(text ?? string.Empty),
        SearchTextAnalyzer.ToIndexText(string.Join(' ', tagNames.Select(name => name.Replace('/', ' ')))));
}
