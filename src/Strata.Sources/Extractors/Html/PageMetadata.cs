namespace Strata.Sources.Extractors.Html;

/// <summary>What the page says about itself, before the content is extracted.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }

    public string? Byline { get; init; }

    public string? Excerpt { get; init; }

    public string? SiteName { get; init; }

    public string? Published { get; init; }

    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    /// <summary>JSON-LD <c>articleBody</c>, used only when it agrees with the page's own text.</summary>
    public string? StructuredBody { get; init; }
}
