namespace Strata.Core.Extraction;

/// <summary>What an extractor produced from one original: clean Markdown text plus metadata.</summary>
public sealed record ExtractedDocument
{
    /// <summary>The main content as Markdown (headings, lists, links, code, quotes, image alt text).</summary>
    public required string Text { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? SiteName { get; init; }

    /// <summary>BCP-47 primary language code such as <c>en</c> or <c>zh</c>, when known.</summary>
    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    /// <summary>A short description or lead, when the source declares one.</summary>
    public string? Excerpt { get; init; }

    /// <summary>Page boundaries within <see cref="Text"/> (PDFs); empty for unpaged formats.</summary>
    public IReadOnlyList<PageSpan> Pages { get; init; } = [];

    /// <summary>Tags the document declares itself (e.g. Markdown front matter).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Other metadata, e.g. front-matter keys or PDF document info.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>One page of a paged original: 1-based page number and its character span in the extracted text.</summary>
public readonly record struct PageSpan(int Number, int Start, int Length);
