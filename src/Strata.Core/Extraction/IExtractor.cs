namespace Strata.Core.Extraction;

/// <summary>Turns the bytes of one media type into an <see cref="ExtractedDocument"/>.</summary>
/// <remarks>
/// Implementations are stateless and thread-safe. Input that cannot be read (truncated, encrypted,
/// not what it claims to be) throws <see cref="ExtractionException"/> with a message fit for the user;
/// any other exception is a bug.
/// </remarks>
public interface IExtractor
{
    /// <summary>Whether this extractor handles <paramref name="mediaType"/>.</summary>
    bool CanExtract(string mediaType);

    Task<ExtractedDocument> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken);
}
