using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Strata.Core.Extraction;
using Strata.Sources.Encoding;
using Strata.Sources.Extractors.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Sources.Extractors.Markdown;

/// <summary>
/// Reads Markdown: YAML front matter becomes metadata (title, authors, date, tags, language,
/// canonical URL, other scalar keys) and the body stays as written. Malformed front matter keeps
/// the whole text and records <c>frontMatterError</c>. Stateless and thread-safe; never throws
/// <see cref="ExtractionException"/> (any decodable bytes are some Markdown).
/// </summary>
public sealed class MarkdownExtractor : IExtractor
{
    /// <summary>Metadata key recording why front matter was ignored.</summary>
    public const string FrontMatterErrorKey = "frontMatterError";

    private static readonly HashSet<string> MappedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "author", "authors", "date", "tags", "lang", "language", "url", "canonical",
    };

    public bool CanExtract(string mediaType) => string.Equals(mediaType, MediaTypes.Markdown, StringComparison.OrdinalIgnoreCase);

    public Task<ExtractedDocument> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var text = LineEndings.Normalize(TextDecoder.Decode(input.Content.Span, input.DeclaredCharset));
        FrontMatter? frontMatter;
        try
        {
            frontMatter = FrontMatter.TryParse(text);
        }
        catch (Exception ex) when (ex is YamlException or FormatException)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [FrontMatterErrorKey] = ex.Message };
            return Task.FromResult(new ExtractedDocument { Text = text, Title = FirstHeading(text), Metadata = metadata });
        }

        return Task.FromResult(frontMatter is null
            ? new ExtractedDocument { Text = text, Title = FirstHeading(text) }
            : FromFrontMatter(frontMatter));
    }

    private static ExtractedDocument FromFrontMatter(FrontMatter frontMatter)
    {
        var authors = frontMatter.List("authors");
        if (authors.Count == 0)
        {
            authors = frontMatter.Scalar("author") is { } author ? [author] : [];
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in frontMatter.Fields)
        {
            if (!MappedKeys.Contains(key) && node is YamlScalarNode { Value: { } value } && value.Length > 0)
            {
                metadata[key] = value;
            }
        }

        return new ExtractedDocument
        {
            Text = frontMatter.Body,
            Title = frontMatter.Scalar("title") ?? FirstHeading(frontMatter.Body),
            Byline = authors.Count == 0 ? null : string.Join(", ", authors),
            Published = frontMatter.Date("date"),
            Tags = frontMatter.List("tags"),
            Language = frontMatter.Scalar("lang") ?? frontMatter.Scalar("language"),
            CanonicalUrl = frontMatter.Scalar("canonical") ?? frontMatter.Scalar("url"),
            Excerpt = frontMatter.Scalar("description") ?? frontMatter.Scalar("summary"),
            Metadata = metadata,
        };
    }

    /// <summary>The text of the first level-1 heading (ATX or setext), or null.</summary>
    internal static string? FirstHeading(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        if (heading?.Inline is null)
        {
            return null;
        }

        var parts = heading.Inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => string.Empty,
        });
        var title = string.Concat(parts).Trim();
        return title.Length == 0 ? null : title;
    }
}
