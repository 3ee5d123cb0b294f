using System.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// One extractive summary of several documents: their summaries are ranked together (<see cref="ExtractiveSummarizer"/>,
/// so what many documents share rises and repeats are dropped), and each chosen sentence cites its document as
/// <c>[n]</c> (n = index + 1). Pure and thread-safe.
/// </summary>
public static class SetSummarizer
{
    public static string Summarize(IReadOnlyList<string> documents, SummaryBudget budget)
    {
        var combined = new StringBuilder();
        var starts = new List<int>();
        foreach (var document in documents)
        {
            starts.Add(combined.Length);
            // Each document is its own paragraph, so no sentence spans two documents.
            combined.Append(document.ReplaceLineEndings(" ").Trim()).Append("\n\n");
        }

        var text = combined.ToString();
        var summary = ExtractiveSummarizer.Summarize(text, budget);
        var sentences = summary.Sentences.Select(span =>
        {
            var source = starts.FindLastIndex(start => start <= span.Start);
            return MarkdownInline.ToPlain(span.Of(text)) + $" [{source + 1}]";
        });
        return string.Join(' ', sentences);
    }
}
