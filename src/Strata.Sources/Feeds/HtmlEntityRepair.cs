using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Strata.Sources.Feeds;

/// <summary>
/// Many feeds use HTML entities (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) that XML does not declare. This rewrites
/// references to known HTML entities as numeric character references. It only ever produces characters, so an
/// entity declared in a DTD (<c>&amp;xxe;</c>) stays an undeclared-entity error.
/// </summary>
internal static partial class HtmlEntityRepair
{
    public static string ToNumericReferences(string text) => NamedReference().Replace(text, match =>
    {
        var name = match.Groups["name"].Value;
        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return match.Value;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        return decoded == match.Value
            ? match.Value
            : string.Concat(EnumerateScalars(decoded).Select(scalar => string.Create(CultureInfo.InvariantCulture, $"&#{scalar};")));
    });

    private static IEnumerable<int> EnumerateScalars(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            yield return rune.Value;
        }
    }

    [GeneratedRegex("&(?<name>[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedReference();
}
