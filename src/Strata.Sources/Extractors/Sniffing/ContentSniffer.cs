using Strata.Core.Extraction;
using Strata.Sources.Encoding;

namespace Strata.Sources.Extractors.Sniffing;

/// <summary>
/// Decides the media type of an original from its bytes. File names and declared media types are
/// hints that count only where the bytes agree: a <c>.html</c> file full of binary garbage is
/// <see cref="MediaTypes.OctetStream"/>, a PDF named <c>.txt</c> is <see cref="MediaTypes.Pdf"/>.
/// Pure and thread-safe.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at for text decisions.</summary>
    public const int TextSampleBytes = 8 * 1024;

    private const int PdfHeaderWindow = 1024;
    private const double MaxControlCharRatio = 0.05;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] DocxMainPart = "word/document.xml"u8.ToArray();
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdx"];

    /// <summary>Returns one of the <see cref="MediaTypes"/> constants for the given original.</summary>
    /// <param name="head">
    /// The original's bytes: the whole file when available (a DOCX is told from a plain ZIP by its
    /// entry names, which may sit anywhere), else at least the first <see cref="TextSampleBytes"/>.
    /// </param>
    /// <param name="fileName">File name or last URL segment, if any.</param>
    /// <param name="declaredMediaType">An HTTP <c>Content-Type</c> value (parameters allowed), if any.</param>
    public static string Sniff(ReadOnlySpan<byte> head, string? fileName, string? declaredMediaType)
    {
        var (declaredType, declaredCharset) = ParseDeclared(declaredMediaType);

        if (head.IsEmpty)
        {
            return MediaTypes.PlainText;
        }

        if (head[..Math.Min(head.Length, PdfHeaderWindow)].IndexOf(PdfMagic) >= 0)
        {
            return MediaTypes.Pdf;
        }

        if (head.StartsWith(ZipMagic) || head.StartsWith(EmptyZipMagic))
        {
            return head.IndexOf(DocxMainPart) >= 0 ? MediaTypes.Docx : MediaTypes.Zip;
        }

        var text = TryDecodeText(head, declaredCharset);
        return text is null ? MediaTypes.OctetStream : ClassifyText(text, fileName, declaredType);
    }

    private static string ClassifyText(string text, string? fileName, string? declaredType)
    {
        if (HasExtension(fileName, MarkdownExtensions))
        {
            return MediaTypes.Markdown;
        }

        if (MarkupSniffer.StartsWithHtml(text))
        {
            return MediaTypes.Html;
        }

        if (declaredType is MediaTypes.Html or MediaTypes.Xhtml && MarkupSniffer.ContainsTag(text))
        {
            return MediaTypes.Html;
        }

        if (declaredType == MediaTypes.Markdown
            || MarkdownSniffer.StartsWithFrontMatter(text)
            || MarkdownSniffer.LooksLikeMarkdown(text))
        {
            return MediaTypes.Markdown;
        }

        return MediaTypes.PlainText;
    }

    /// <summary>Decodes a sample, or returns null when the bytes are binary.</summary>
    private static string? TryDecodeText(ReadOnlySpan<byte> head, string? declaredCharset)
    {
        var sample = head.Length > TextSampleBytes ? head[..TextSampleBytes] : head;
        sample = TrimIncompleteUtf8Tail(sample);
        var unicodeBom = sample is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (!unicodeBom && sample.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        var text = TextDecoder.Decode(sample, declaredCharset);
        if (text.Length == 0)
        {
            return text;
        }

        var suspicious = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
            {
                suspicious++;
            }
        }

        return suspicious > text.Length * MaxControlCharRatio ? null : text;
    }

    /// <summary>Drops a UTF-8 sequence cut off by the sample's end so it cannot spoil detection.</summary>
    private static ReadOnlySpan<byte> TrimIncompleteUtf8Tail(ReadOnlySpan<byte> sample)
    {
        var maxBack = Math.Min(3, sample.Length);
        for (var back = 1; back <= maxBack; back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? sample[..^back] : sample;
        }

        return sample;
    }

    private static (string? Type, string? Charset) ParseDeclared(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return (null, null);
        }

        var parts = declared.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return (null, null);
        }

        string? charset = null;
        foreach (var part in parts.AsSpan(1))
        {
            if (part.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                charset = part["charset=".Length..].Trim('"', '\'');
            }
        }

        return (parts[0].ToLowerInvariant(), charset);
    }

    private static bool HasExtension(string? fileName, string[] extensions)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return false;
        }

        var extension = Path.GetExtension(fileName);
        return extensions.Any(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase));
    }
}
