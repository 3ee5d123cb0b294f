using Strata.Core.Extraction;
using Strata.Sources.Extractors.Markdown;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Markdown;

public sealed class MarkdownExtractorTests
{
    private readonly MarkdownExtractor _extractor = new();

    [Fact]
    public async Task ExtractAsync_FrontMatter_BecomesMetadata()
    {
        const string Source = """
            ---
            title: Spaced Repetition in Practice
            authors: [Ada Writer, Grace Reader]
            date: 2024-03-05
            tags:
              - learning
              - memory
            lang: en
            canonical: https://example.org/srs
            status: draft
            ---

            # A different heading

            Body text.
            """;

        var document = await ExtractAsync(Source);

        Assert.Equal("Spaced Repetition in Practice", document.Title);
        Assert.Equal("Ada Writer, Grace Reader", document.Byline);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), document.Published);
        Assert.Equal(["learning", "memory"], document.Tags);
        Assert.Equal("en", document.Language);
        Assert.Equal("https://example.org/srs", document.CanonicalUrl);
        Assert.Equal("draft", document.Metadata["status"]);
        Assert.False(document.Metadata.ContainsKey("title"));
        Assert.Equal("# A different heading\n\nBody text.", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_CommaSeparatedTagsAndSingleAuthor_AreSplitAndKept()
    {
        var document = await ExtractAsync("---\nauthor: Ada Writer\ntags: notes, search , notes\nurl: https://example.org/a\n---\nText\n");

        Assert.Equal("Ada Writer", document.Byline);
        Assert.Equal(["notes", "search"], document.Tags);
        Assert.Equal("https://example.org/a", document.CanonicalUrl);
    }

    [Fact]
    public async Task ExtractAsync_NoFrontMatterTitle_UsesFirstLevelOneHeading()
    {
        var document = await ExtractAsync("Intro\n\n## Minor\n\nHow to `grep` notes\n===================\n\n# Later\n");

        Assert.Equal("How to grep notes", document.Title);
    }

    [Fact]
    public async Task ExtractAsync_NoHeadingNoFrontMatter_HasNoTitleAndKeepsText()
    {
        const string Source = "Just a paragraph.\r\nAnd another line.\r\n";

        var document = await ExtractAsync(Source);

        Assert.Null(document.Title);
        Assert.Equal("Just a paragraph.\nAnd another line.\n", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_MalformedFrontMatter_KeepsWholeTextAndNotesError()
    {
        const string Source = "---\ntitle: [unclosed\ntags: : :\n---\n# Real title\n\nBody.\n";

        var document = await ExtractAsync(Source);

        Assert.Equal(Source, document.Text);
        Assert.Equal("Real title", document.Title);
        Assert.True(document.Metadata.ContainsKey(MarkdownExtractor.FrontMatterErrorKey));
    }

    [Fact]
    public async Task ExtractAsync_UnclosedFence_TreatsAsPlainMarkdown()
    {
        const string Source = "---\n\nA thematic break, then text.\n";

        var document = await ExtractAsync(Source);

        Assert.Equal(Source, document.Text);
        Assert.Empty(document.Metadata);
    }

    [Fact]
    public async Task ExtractAsync_BomAndCrlfFrontMatter_IsRecognised()
    {
        var document = await ExtractAsync("\uFEFF---\r\ntitle: Windows note\r\n---\r\nBody\r\n");

        Assert.Equal("Windows note", document.Title);
        Assert.Equal("Body\n", document.Text);
    }

    private Task<ExtractedDocument> ExtractAsync(string markdown) =>
        _extractor.ExtractAsync(
            new ExtractionInput(System.Text.Encoding.UTF8.GetBytes(markdown), MediaTypes.Markdown),
            CancellationToken.None);
}
