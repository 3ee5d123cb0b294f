using Strata.Core.Extraction;

namespace Strata.Sources.Http;

/// <summary>
/// Which response media types are worth keeping: text of any kind, HTML/XHTML, PDF, DOCX, JSON and XML
/// (with their <c>+json</c>/<c>+xml</c> variants such as RSS and Atom), and <c>application/octet-stream</c>,
/// which the content sniffer resolves later. Images, audio, video, fonts and other binaries are refused.
/// </summary>
public static class ContentTypePolicy
{
    private static readonly HashSet<string> AcceptedExact = new(StringComparer.Ordinal)
    {
        MediaTypes.Xhtml,
        MediaTypes.Pdf,
        MediaTypes.Docx,
        MediaTypes.OctetStream,
        MediaTypes.Json,
        MediaTypes.Xml,
    };

    /// <summary>True when a body of <paramref name="mediaType"/> (lowercased, no parameters) is kept.</summary>
    public static bool IsAccepted(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        return mediaType.StartsWith("text/", StringComparison.Ordinal)
            || AcceptedExact.Contains(mediaType)
            || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType.EndsWith("+json", StringComparison.Ordinal);
    }
}
