using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>One run of the content pipeline over a page body with one set of <see cref="ExtractionFlags"/>.</summary>
/// <param name="Document">The parsed page the article lives in (a fresh parse for retries).</param>
/// <param name="Article">The chosen and cleaned content, detached from the page body.</param>
/// <param name="Byline">The byline lifted out of the page, if any.</param>
/// <param name="TextLength">Characters of text kept.</param>
internal sealed record ArticleAttempt(IDocument Document, IElement Article, string? Byline, int TextLength)
{
    public static ArticleAttempt Run(IDocument document, IElement root, ExtractionFlags flags, string? title)
    {
        BreakParagraphs.Apply(document, root);
        var preparer = new DocumentPreparer(document, flags, title);
        var toScore = preparer.Prepare(root);
        var stats = new NodeStatsTable();
        stats.Measure(root);
        var article = new CandidateSelector(document, stats, flags).Select(root, toScore);
        new ArticleCleaner(stats, flags).Clean(article);
        return new ArticleAttempt(document, article, preparer.Byline, stats.Get(article).TextLength);
    }
}
