using System.Text.RegularExpressions;

namespace Strata.Sources.Arxiv;

/// <summary>Reads arXiv identifiers from ids, <c>arXiv:</c> references and arxiv.org URLs.</summary>
public static partial class ArxivId
{
    private const string Prefix = "arXiv:";
    private const string PdfSuffix = ".pdf";

    /// <summary>
    /// Accepts <c>2401.01234</c>, <c>2401.01234v3</c>, <c>arXiv:2401.01234</c>, old-style <c>hep-th/9901001v1</c>
    /// and arxiv.org <c>/abs/</c>, <c>/pdf/</c> (with or without <c>.pdf</c>) and <c>/html/</c> URLs.
    /// Never throws; false for anything else.
    /// </summary>
    /// <param name="textOrUrl">The text to read; surrounding whitespace is ignored.</param>
    /// <param name="id">The id without version, or empty when false.</param>
    /// <param name="version">The version when one was given.</param>
    public static bool TryParse(string? textOrUrl, out string id, out int? version)
    {
        id = string.Empty;
        version = null;
        if (string.IsNullOrWhiteSpace(textOrUrl))
        {
            return false;
        }

        var text = textOrUrl.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[Prefix.Length..];
        }
        else if (Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            if (FromUrl(url) is not { } fromUrl)
            {
                return false;
            }

            text = fromUrl;
        }

        var match = IdPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        if (match.Groups["v"].Success)
        {
            if (!int.TryParse(match.Groups["v"].ValueSpan, out var number) || number < 1)
            {
                return false;
            }

            version = number;
        }

        id = match.Groups["id"].Value;
        return true;
    }

    private static string? FromUrl(Uri url)
    {
        var host = url.Host;
        var isArxiv = host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase);
        if (!isArxiv || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/');
        foreach (var section in (ReadOnlySpan<string>)["/abs/", "/pdf/", "/html/"])
        {
            if (path.StartsWith(section, StringComparison.Ordinal))
            {
                var rest = path[section.Length..];
                return section == "/pdf/" && rest.EndsWith(PdfSuffix, StringComparison.OrdinalIgnoreCase)
                    ? rest[..^PdfSuffix.Length]
                    : rest;
            }
        }

        return null;
    }

    // New style YYMM.NNNN(N) since 2007 (month 01-12); old style archive[.XX]/YYMMNNN.
    [GeneratedRegex(@"^(?<id>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(?<v>\d{1,6}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
