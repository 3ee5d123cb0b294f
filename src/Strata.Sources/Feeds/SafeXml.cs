using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Strata.Sources.Encoding;

namespace Strata.Sources.Feeds;

/// <summary>
/// The one way Strata reads untrusted XML (feeds, OPML): DTDs are ignored, so no external entity is ever
/// fetched and no internal entity is ever expanded (a reference to one is a parse error, never file content);
/// no resolver; entity and document sizes are capped. Thread-safe.
/// </summary>
internal static partial class SafeXml
{
    private const long MaxCharactersFromEntities = 1024;

    public static XmlReaderSettings CreateSettings(long maxCharacters, int lineNumberOffset = 0) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        LineNumberOffset = lineNumberOffset,
    };

    /// <summary>
    /// Decodes <paramref name="bytes"/> honouring BOM and XML declaration, drops leading whitespace (a common
    /// server-side slip that makes the declaration illegal), and reports how many lines were dropped.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out int droppedLines)
    {
        var text = TextDecoder.Decode(bytes);
        var start = 0;
        droppedLines = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            if (text[start] == '\n')
            {
                droppedLines++;
            }

            start++;
        }

        return start == 0 ? text : text[start..];
    }

    /// <summary>Parses <paramref name="text"/>; an <see cref="XmlException"/> becomes <paramref name="fail"/>'s exception.</summary>
    /// <remarks>References to HTML entities XML does not know (<c>&amp;nbsp;</c>) are repaired and parsing retried once.</remarks>
    public static XDocument Load(string text, long maxCharacters, int lineNumberOffset, Func<string, XmlException, Exception> fail)
    {
        try
        {
            return LoadOnce(text, maxCharacters, lineNumberOffset);
        }
        catch (XmlException e) when (e.Message.Contains("undeclared entity", StringComparison.Ordinal))
        {
            var repaired = HtmlEntityRepair.ToNumericReferences(text);
            if (ReferenceEquals(repaired, text) || repaired == text)
            {
                throw fail(Describe(e), e);
            }

            try
            {
                return LoadOnce(repaired, maxCharacters, lineNumberOffset);
            }
            catch (XmlException retry)
            {
                throw fail(Describe(retry), retry);
            }
        }
        catch (XmlException e)
        {
            throw fail(Describe(e), e);
        }
    }

    private static XDocument LoadOnce(string text, long maxCharacters, int lineNumberOffset)
    {
        using var reader = XmlReader.Create(new StringReader(text), CreateSettings(maxCharacters, lineNumberOffset));
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <summary>"at line 12, position 5: Unexpected end of file." in one line.</summary>
    public static string Describe(XmlException e)
    {
        var message = TrailingPosition().Replace(e.Message, string.Empty).ReplaceLineEndings(" ").Trim();
        return $"at line {e.LineNumber}, position {e.LinePosition}: {message}";
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPosition();
}
