namespace Strata.Core.Extraction;

/// <summary>One original handed to an extractor.</summary>
/// <param name="Content">The original bytes, exactly as archived.</param>
/// <param name="MediaType">The sniffed media type (see <see cref="MediaTypes"/>).</param>
public sealed record ExtractionInput(ReadOnlyMemory<byte> Content, string MediaType)
{
    /// <summary>File name or last URL segment, used for fallbacks such as a title.</summary>
    public string? FileName { get; init; }

    /// <summary>Where the bytes came from, used to resolve relative links.</summary>
    public Uri? SourceUri { get; init; }

    /// <summary>Charset declared outside the bytes (an HTTP <c>Content-Type</c> header).</summary>
    public string? DeclaredCharset { get; init; }
}
