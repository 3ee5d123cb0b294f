using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace Strata.Sources.Encoding;

/// <summary>
/// Decodes text bytes whose encoding is uncertain. Order of evidence: byte-order mark, a charset
/// declared outside the bytes (HTTP header), a charset declared inside them (<c>&lt;meta charset&gt;</c>,
/// XML declaration), strict UTF-8, then statistical detection (GBK/GB18030, Shift-JIS, Big5, EUC-KR, ...).
/// Thread-safe.
/// </summary>
public static partial class TextDecoder
{
    private const int PrescanBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>, never throwing for bad bytes (they become U+FFFD).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null) =>
        DetectEncoding(bytes, declaredCharset, out var bomLength).GetString(bytes[bomLength..]);

    /// <summary>Picks the encoding of <paramref name="bytes"/>; <paramref name="bomLength"/> is the BOM to skip.</summary>
    public static System.Text.Encoding DetectEncoding(ReadOnlySpan<byte> bytes, string? declaredCharset, out int bomLength)
    {
        var fromBom = FromByteOrderMark(bytes, out bomLength);
        if (fromBom is not null)
        {
            return fromBom;
        }

        var declared = TryGetEncoding(declaredCharset) ?? TryGetEncoding(PrescanDeclaredCharset(bytes));
        if (declared is not null && !IsUtf8(declared))
        {
            return declared;
        }

        if (IsValidUtf8(bytes))
        {
            return System.Text.Encoding.UTF8;
        }

        // A page declaring UTF-8 but holding GBK bytes is common enough that detection wins over the label.
        return Detect(bytes) ?? declared ?? System.Text.Encoding.UTF8;
    }

    private static System.Text.Encoding? FromByteOrderMark(ReadOnlySpan<byte> bytes, out int length)
    {
        (System.Text.Encoding? encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (System.Text.Encoding.UTF8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (System.Text.Encoding.UTF32, 4),
            [0xFF, 0xFE, ..] => (System.Text.Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (System.Text.Encoding.BigEndianUnicode, 2),
            _ => ((System.Text.Encoding?)null, 0),
        };
        return encoding;
    }

    private static bool IsUtf8(System.Text.Encoding encoding) => encoding.CodePage == 65001;

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static System.Text.Encoding? Detect(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 64 * 1024 ? bytes[..(64 * 1024)] : bytes;
        var result = CharsetDetector.DetectFromBytes(sample.ToArray());
        var name = result.Detected?.EncodingName;
        // GB2312 is a subset of GB18030; decoding with the superset never loses characters.
        if (name is not null && (name.Equals("gb2312", StringComparison.OrdinalIgnoreCase) || name.Equals("gbk", StringComparison.OrdinalIgnoreCase)))
        {
            name = "gb18030";
        }

        return TryGetEncoding(name);
    }

    /// <summary>Looks a charset label up, tolerating common aliases; null when unknown.</summary>
    public static System.Text.Encoding? TryGetEncoding(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant() switch
        {
            "gb2312" or "gbk" or "x-gbk" or "cp936" => "gb18030",
            "sjis" or "shift-jis" or "x-sjis" or "ms_kanji" or "windows-31j" => "shift_jis",
            "utf8" => "utf-8",
            "latin1" or "iso-8859-1" => "windows-1252",
            var other => other,
        };
        try
        {
            return System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Finds a charset declared in the first bytes: HTML meta tags or an XML declaration.</summary>
    public static string? PrescanDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.Latin1.GetString(bytes.Length > PrescanBytes ? bytes[..PrescanBytes] : bytes);
        var match = MetaCharset().Match(head);
        if (match.Success)
        {
            return match.Groups["cs"].Value;
        }

        match = XmlEncoding().Match(head);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""<\?xml[^>]+encoding\s*=\s*["'](?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}
