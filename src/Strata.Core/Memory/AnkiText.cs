using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Core.Memory;

/// <summary>A card read from an Anki text file, before it is stored.</summary>
public sealed record ImportedCard(CardKind Kind, string Front, string Back, string? Deck, string? ItemId, int? SpanStart, int? SpanEnd);

/// <summary>
/// Anki's text import format (Anki 2.1.55+ file headers): one note per line, fields separated by tabs or commas,
/// quoted when they hold the separator, a quote or a line break. Columns: note type (Basic or Cloze), deck
/// (<c>Strata::ml::deep</c> for tag <c>ml/deep</c>), front (cloze text), back, tags. The source item and passage
/// span travel as tags <c>strata-item::ID</c> and <c>strata-span::START-END</c>. Pure.
/// </summary>
public static partial class AnkiText
{
    public const string DeckRoot = "Strata";
    private const string ItemTag = "strata-item::";
    private const string SpanTag = "strata-span::";

    public static string Write(IReadOnlyList<Card> cards, char separator)
    {
        var builder = new StringBuilder();
        builder.Append("#separator:").Append(separator == '\t' ? "tab" : "comma").Append('\n');
        builder.Append("#html:false\n#notetype column:1\n#deck column:2\n#tags column:5\n");
        foreach (var card in cards)
        {
            var tags = new List<string>();
            if (card.Deck is not null)
            {
                tags.Add(card.Deck.Replace('/', ':').Replace(":", "::", StringComparison.Ordinal).Replace(' ', '_'));
            }

            if (card.ItemId is not null)
            {
                tags.Add(ItemTag + card.ItemId);
            }

            if (card.SpanStart is { } start && card.SpanEnd is { } end)
            {
                tags.Add($"{SpanTag}{start}-{end}");
            }

            string[] fields =
            [
                card.Kind == CardKind.Cloze ? "Cloze" : "Basic",
                card.Deck is null ? DeckRoot : DeckRoot + "::" + card.Deck.Replace("/", "::", StringComparison.Ordinal),
                card.Front,
                card.Back,
                string.Join(' ', tags),
            ];
            builder.AppendJoin(separator, fields.Select(field => Quote(field, separator))).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Reads cards; a row that cannot be read is reported by line number and skipped.</summary>
    public static (IReadOnlyList<ImportedCard> Cards, IReadOnlyList<string> Problems) Read(string content, char defaultSeparator)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new StringReader(content.Replace("\r\n", "\n", StringComparison.Ordinal));
        var line = 0;
        string? first;
        while ((first = body.ReadLine()) is not null)
        {
            line++;
            if (!first.StartsWith('#'))
            {
                break;
            }

            var colon = first.IndexOf(':', StringComparison.Ordinal);
            if (colon > 1)
            {
                headers[first[1..colon].Trim()] = first[(colon + 1)..].Trim();
            }
        }

        var separator = headers.GetValueOrDefault("separator")?.ToLowerInvariant() switch
        {
            "tab" or "\t" => '\t',
            "comma" or "," => ',',
            "semicolon" or ";" => ';',
            "pipe" or "|" => '|',
            _ => defaultSeparator,
        };
        var html = string.Equals(headers.GetValueOrDefault("html"), "true", StringComparison.OrdinalIgnoreCase);
        int Column(string name) => int.TryParse(headers.GetValueOrDefault(name + " column"), out var column) ? column - 1 : -1;
        var (notetype, deck, tags) = (Column("notetype"), Column("deck"), Column("tags"));
        var rest = first is null ? string.Empty : first + "\n" + body.ReadToEnd();
        var cards = new List<ImportedCard>();
        var problems = new List<string>();
        foreach (var (row, rowLine) in Rows(rest, separator, line))
        {
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            var fields = row.Select((field, index) => (field, index)).Where(pair => pair.index != notetype && pair.index != deck && pair.index != tags)
                .Select(pair => html ? FromHtml(pair.field) : pair.field).ToArray();
            if (fields.Length < 1 || fields[0].Trim().Length == 0)
            {
                problems.Add($"line {rowLine}: no front; skipped");
                continue;
            }

            var type = notetype >= 0 && notetype < row.Count ? row[notetype] : null;
            var isCloze = type?.Contains("cloze", StringComparison.OrdinalIgnoreCase) == true || ClozeText.IsCloze(fields[0]);
            var back = fields.Length > 1 ? fields[1] : string.Empty;
            if (!isCloze && back.Trim().Length == 0)
            {
                problems.Add($"line {rowLine}: no back; skipped");
                continue;
            }

            var tagList = tags >= 0 && tags < row.Count ? row[tags].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var itemId = tagList.FirstOrDefault(tag => tag.StartsWith(ItemTag, StringComparison.Ordinal))?[ItemTag.Length..];
            var span = tagList.FirstOrDefault(tag => tag.StartsWith(SpanTag, StringComparison.Ordinal))?[SpanTag.Length..].Split('-');
            int? start = span is [var s, _] && int.TryParse(s, out var a) ? a : null;
            int? end = span is [_, var e] && int.TryParse(e, out var b) ? b : null;
            var deckName = deck >= 0 && deck < row.Count ? DeckTag(row[deck]) : null;
            cards.Add(new ImportedCard(isCloze ? CardKind.Cloze : CardKind.Basic, fields[0], back, deckName, itemId, start, end));
        }

        return (cards, problems);
    }

    /// <summary><c>Strata::ml::deep</c> → <c>ml/deep</c>; another Anki deck keeps its path as the tag.</summary>
    private static string? DeckTag(string deck)
    {
        var parts = deck.Split("::", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parts.Count > 0 && parts[0] == DeckRoot)
        {
            parts.RemoveAt(0);
        }

        return parts.Count == 0 ? null : string.Join('/', parts).ToLowerInvariant().Replace(' ', '-');
    }

    private static string Quote(string field, char separator) =>
        field.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static IEnumerable<(List<string> Row, int Line)> Rows(string text, char separator, int firstLine)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = firstLine;
        var rowLine = firstLine;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return (row, rowLine);
                row = [];
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return (row, rowLine);
        }
    }

    private static string FromHtml(string field) =>
        WebUtility.HtmlDecode(Tag().Replace(LineBreak().Replace(field, "\n"), string.Empty));

    [GeneratedRegex("<br ?/?>|</div>|</p>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
