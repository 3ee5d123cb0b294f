using System.Globalization;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Strata.Core.Extraction;
using Strata.Sources.Encoding;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Extracts the main article of an HTML page as Markdown with its metadata (title, byline, date,
/// site, language, canonical URL, excerpt). The page is parsed once with AngleSharp; content is chosen
/// by a Readability-style scoring pass with site-independent boilerplate removal.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Throws <see cref="ExtractionException"/> when the bytes are not readable
/// text or the page holds no readable text; any other exception is a bug.
/// </remarks>
public sealed class HtmlArticleExtractor : IExtractor
{
    private const int MinArticleLength = 500;
    private const string NoTextMessage = "no readable text found in the HTML page";

    private static readonly ExtractionFlags[] Attempts =
    [
        ExtractionFlags.All,
        ExtractionFlags.WeightClasses | ExtractionFlags.CleanConditionally,
        ExtractionFlags.CleanConditionally,
        ExtractionFlags.None,
    ];

    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    /// <summary>Script, style and comment text is never content; skipping it makes parsing markedly cheaper.</summary>
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipScriptText = true,
        SkipRawText = true,
    };

    public bool CanExtract(string mediaType) =>
        mediaType.Equals(MediaTypes.Html, StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals(MediaTypes.Xhtml, StringComparison.OrdinalIgnoreCase);

    public Task<ExtractedDocument> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var html = Decode(input.Content.Span, input.DeclaredCharset);
        if (BinaryContent.LooksBinary(html))
        {
            throw new ExtractionException("the content is not HTML text (it looks like binary data)");
        }

        return Task.FromResult(Extract(html, input.SourceUri));
    }

    /// <summary>Extracts the article from <paramref name="html"/>; relative links resolve against <paramref name="baseUri"/>.</summary>
    /// <exception cref="ExtractionException">The page has no readable text.</exception>
    public ExtractedDocument Extract(string html, Uri? baseUri)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parse(html);
        var body = document.Body ?? throw new ExtractionException(NoTextMessage);
        if (DocumentDepth.Exceeds(document, DocumentDepth.Max))
        {
            throw new ExtractionException($"the HTML page is nested more than {DocumentDepth.Max} elements deep and cannot be extracted safely");
        }

        var effectiveBase = EffectiveBase(document, baseUri);
        var urls = new UrlResolver(effectiveBase);
        var metadata = MetadataReader.Read(document, html, urls);

        var pageText = ContentChoice.IsCandidate(metadata.StructuredBody) ? body.TextContent : null;
        var declaredByline = metadata.Byline is null ? BylineText.Declared(document) : null;
        var attempt = ChooseAttempt(document, html, metadata.Title);
        var domText = MarkdownWriter.Write(attempt.Article, effectiveBase);
        var title = metadata.Title ?? FirstHeading(attempt.Article);
        var excerpt = metadata.Excerpt ?? FirstParagraph(attempt.Article);
        if (attempt.Document != document)
        {
            attempt.Document.Dispose();
        }

        var text = ContentChoice.Choose(domText, metadata.StructuredBody, pageText);
        if (!BinaryContent.HasLetters(text) || (ReferenceEquals(text, domText) && attempt.TextLength == 0))
        {
            throw new ExtractionException(NoTextMessage);
        }

        return new ExtractedDocument
        {
            Text = text,
            Title = title,
            Byline = metadata.Byline ?? attempt.Byline ?? declaredByline,
            Published = ParseDate(metadata.Published),
            SiteName = metadata.SiteName,
            Language = metadata.Language,
            CanonicalUrl = metadata.CanonicalUrl,
            Excerpt = excerpt,
        };
    }

    /// <summary>
    /// Runs the strictest attempt on the parsed page; only when it keeps too little text does a looser
    /// attempt run, each on a fresh parse (the attempts rewrite the tree, and cloning every page up front
    /// costs more than re-parsing the few short pages that need it).
    /// </summary>
    private static ArticleAttempt ChooseAttempt(IDocument document, string html, string? title)
    {
        var best = ArticleAttempt.Run(document, document.Body!, Attempts[0], title);
        for (var i = 1; i < Attempts.Length && best.TextLength < MinArticleLength; i++)
        {
            var retryDocument = Parse(html);
            var attempt = ArticleAttempt.Run(retryDocument, retryDocument.Body!, Attempts[i], title);
            var (kept, dropped) = attempt.TextLength >= MinArticleLength || attempt.TextLength > best.TextLength ? (attempt, best) : (best, attempt);
            if (dropped.Document != document)
            {
                dropped.Document.Dispose();
            }

            best = kept;
        }

        return best;
    }

    private static IDocument Parse(string html) => new HtmlParser(ParserOptions, Context).ParseDocument(html);

    /// <summary>
    /// Decodes with <see cref="TextDecoder"/>, except that bytes which are valid UTF-8 and hold multi-byte
    /// sequences are UTF-8 whatever the label says: legacy encodings almost never form valid UTF-8 by chance,
    /// while pages re-saved as UTF-8 with a stale <c>&lt;meta charset=gb2312&gt;</c> are common.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (!System.Text.Ascii.IsValid(bytes) && System.Text.Unicode.Utf8.IsValid(bytes) && bytes is not [0xEF, 0xBB, 0xBF, ..])
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        return TextDecoder.Decode(bytes, declaredCharset);
    }

    private static Uri? EffectiveBase(IDocument document, Uri? baseUri)
    {
        baseUri = baseUri is { IsAbsoluteUri: true } ? baseUri : null;
        var href = document.Head?.QuerySelector("base[href]")?.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(href))
        {
            return baseUri;
        }

        if (baseUri is not null && Uri.TryCreate(baseUri, href, out var combined))
        {
            return combined;
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var absolute) ? absolute : baseUri;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? FirstHeading(IElement article) => TextNormalizer.TextOrNull(article.QuerySelector("h1, h2"));

    private static string? FirstParagraph(IElement article) => TextNormalizer.TextOrNull(article.QuerySelector("p"));
}
