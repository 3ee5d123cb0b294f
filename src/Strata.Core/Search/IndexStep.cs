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
        var tagNames = item.Tags.Select(tag => tag.Name).ToArray();
        if (withTerms)
        {
            // The ranked index needs only the terms; the analysed text is built only if a legacy FTS5 table asks.
            context.IndexTerms = DocumentTerms.Analyse(item.Title, item.Text, tagNames);
            context.Index = new IndexDocument(() => Describe(item.Title, item.Text, tagNames));
        }
        else
        {
            context.Index = Describe(item.Title, item.Text, tagNames);
            context.IndexTerms = null;
        }

        context.Item = item with { State = ItemState.Indexed };
        return Task.FromResult(StepResult.Done);
    }

    /// <summary>The analysed columns the keyword indexes store for an item (also used to rebuild them).</summary>
    public static IndexDocument Describe(string? title, string? text, IEnumerable<string> tagNames) => new(
        SearchTextAnalyzer.ToIndexText(title ?? string.Empty),
        SearchTextAnalyzer.ToIndexText(text ?? string.Empty),
        SearchTextAnalyzer.ToIndexText(TagText(tagNames)));

    /// <summary>The tags column before analysis: the names joined, a hierarchy's slashes as spaces.</summary>
    internal static string TagText(IEnumerable<string> tagNames) => string.Join(' ', tagNames.Select(name => name.Replace('/', ' ')));
}
