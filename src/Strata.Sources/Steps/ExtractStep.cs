using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Storage;
using Strata.Core.Text;
using Strata.Sources.Extractors;

namespace Strata.Sources.Steps;

/// <summary>Collected → Extracted: reads the archived original, sniffs its format from the bytes and extracts text and metadata.</summary>
public sealed class ExtractStep(IBlobStore blobs, IReadOnlyList<IExtractor> extractors) : IPipelineStep
{
    /// <summary>Metadata key listing fields that extraction must not replace (comma-separated: title, byline, published),
    /// because the user or a better source (arXiv, a feed) set them.</summary>
    public const string LockedFieldsKey = "strata.locked";

    /// <summary>The value for <see cref="LockedFieldsKey"/> that locks <paramref name="fields"/>.</summary>
    public static string Lock(params string[] fields) => string.Join(',', fields);

    /// <summary>Metadata key holding a charset declared by the server the original came from.</summary>
    public const string DeclaredCharsetKey = "http.charset";

    public string Name => "extract";

    public ItemState From => ItemState.Collected;

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        if (item.ContentHash is null)
        {
            return StepResult.Failed("no original archived for this item");
        }

        byte[] bytes;
        try
        {
            bytes = await blobs.ReadAsync(item.ContentHash, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return StepResult.Failed($"the archived original {item.ContentHash[..12]}… is missing (run `strata check`)");
        }
        catch (InvalidDataException)
        {
            // Stores that verify on read (S3) refuse bytes that no longer hash to the original's name.
            return StepResult.Failed($"the archived original {item.ContentHash[..12]}… is damaged (run `strata check`)");
        }
        catch (IOException exception)
        {
            // The blob store is unreachable or slow (an S3 endpoint down): the original is fine, try again later.
            return StepResult.Failed($"cannot read the archived original {item.ContentHash[..12]}…: {exception.Message}", transient: true);
        }

        var fileName = item.SourcePath is null ? LastSegment(item.Url) : Path.GetFileName(item.SourcePath);
        ExtractedDocument document;
        string mediaType;
        try
        {
            var source = Uri.TryCreate(item.Url, UriKind.Absolute, out var uri) ? uri : null;
            (document, mediaType) = await ExtractorCatalog.ExtractAsync(
                bytes, fileName, item.MediaType, source, item.Metadata.GetValueOrDefault(DeclaredCharsetKey), cancellationToken, extractors).ConfigureAwait(false);
        }
        catch (ExtractionException exception)
        {
            return StepResult.Failed(exception.Message);
        }

        context.Item = Apply(item, document, mediaType, fileName);
        return StepResult.Done;
    }

    private static Item Apply(Item item, ExtractedDocument document, string mediaType, string? fileName)
    {
        var metadata = new Dictionary<string, string>(item.Metadata);
        foreach (var (key, value) in document.Metadata)
        {
            metadata[key] = value;
        }

        var locked = metadata.GetValueOrDefault(LockedFieldsKey)?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        var keepTitle = locked.Contains("title") && item.Title is not null;
        var keepByline = locked.Contains("byline") && item.Byline is not null;
        var keepPublished = locked.Contains("published") && item.PublishedAt is not null;
        var tags = item.Tags.ToList();
        foreach (var tag in document.Tags.Select(ItemTag.Normalize).Where(tag => tag.Length > 0).Distinct())
        {
            if (!tags.Any(existing => existing.Name == tag))
            {
                tags.Add(new ItemTag(tag, TagOrigin.Source));
            }
        }

        return item with
        {
            State = ItemState.Extracted,
            MediaType = mediaType,
            Title = keepTitle ? item.Title : Clean(document.Title) ?? TitleFromFileName(fileName) ?? item.Title,
            Byline = keepByline ? item.Byline : Clean(document.Byline) ?? item.Byline,
            SiteName = Clean(document.SiteName) ?? item.SiteName,
            PublishedAt = keepPublished ? item.PublishedAt : document.Published ?? item.PublishedAt,
            Language = document.Language ?? LanguageDetector.Detect(document.Text),
            CanonicalUrl = item.CanonicalUrl ?? CanonicalFrom(document.CanonicalUrl),
            Text = document.Text,
            Excerpt = Clean(document.Excerpt) ?? item.Excerpt,
            WordCount = TextStatistics.WordCount(document.Text),
            Pages = document.Pages,
            Tags = tags,
            Metadata = metadata,
        };
    }

    private static string? CanonicalFrom(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? Http.UrlNormalizer.Canonicalize(uri).ToString() : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? TitleFromFileName(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Replace('-', ' ');

    private static string? LastSegment(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Segments.LastOrDefault()?.Trim('/') is { Length: > 0 } last ? last : uri.Host : null;
}
