using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Core.Audio;

/// <summary>
/// Turns written text into text worth hearing: URLs, code, tables and Markdown marks are left out; common
/// abbreviations, symbols, percentages, money, ranges and dates are written as they are said (English and
/// Chinese; other languages get the language-neutral part). Pure and thread-safe.
/// </summary>
public static partial class ListeningText
{
    private static readonly (Regex Pattern, string Spoken)[] EnglishWords =
    [
        (Word(@"e\.\s?g\."), "for example"),
        (Word(@"i\.\s?e\."), "that is"),
        (Word(@"etc\."), "et cetera"),
        (Word(@"et al\."), "and colleagues"),
        (Word(@"vs\.?"), "versus"),
        (Word(@"approx\."), "approximately"),
        (Word(@"Dr\."), "Doctor"),
        (Word(@"Prof\."), "Professor"),
        (Word(@"Mr\."), "Mister"),
        (Word(@"Mrs\."), "Missus"),
        (Word(@"Fig\."), "figure"),
        (Word(@"No\.(?=\s*\d)"), "number"),
        (Word(@"arXiv"), "archive"),
        (Word(@"w/o"), "without"),
        (Word(@"w/"), "with"),
    ];

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>Prepares <paramref name="text"/> for a voice speaking <paramref name="language"/> (ISO 639-1).</summary>
    public static string Prepare(string text, string language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var spoken = FencedCode().Replace(text, " ");
        spoken = string.Join('\n', spoken.Split('\n').Where(line => !IsTableLine(line)));
        spoken = MarkdownImage().Replace(spoken, " ");
        spoken = MarkdownLink().Replace(spoken, "$1");
        spoken = Url().Replace(spoken, " ");
        spoken = ArxivId().Replace(spoken, " ");
        spoken = InlineCode().Replace(spoken, " ");
        spoken = MarkdownMarks().Replace(spoken, " ");
        spoken = Emphasis().Replace(spoken, "$2");
        spoken = IsChinese(language) ? Chinese(spoken) : IsEnglish(language) ? English(spoken) : spoken;
        spoken = Spaces().Replace(spoken.ReplaceLineEndings(" "), " ").Trim();
        spoken = EmptyBrackets().Replace(spoken, string.Empty);
        spoken = SpaceBeforePunctuation().Replace(spoken, "$1").Trim();
        return spoken;
    }

    /// <summary>Ends <paramref name="sentence"/> with a full stop when it has no closing punctuation (voices pause there).</summary>
    public static string Sentence(string sentence, string language)
    {
        var trimmed = sentence.Trim().TrimEnd('…').TrimEnd();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        return ".!?。！？".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed : trimmed + (IsChinese(language) ? "。" : ".");
    }

    public static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || language.Equals("cmn", StringComparison.OrdinalIgnoreCase);

    public static bool IsEnglish(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static bool IsTableLine(string line)
    {
        var trimmed = line.Trim();
        return (trimmed.StartsWith('|') && trimmed.Count(c => c == '|') >= 2) || TableRule().IsMatch(trimmed);
    }

    private static string English(string text)
    {
        foreach (var (pattern, words) in EnglishWords)
        {
            // "…and so on, etc." still ends its sentence: the full stop the abbreviation swallowed comes back.
            text = pattern.Replace(text, match => CanEndSentence(words) && EndsSentence(text, match.Index + match.Length) ? words + "." : words);
        }

        text = IsoDate().Replace(text, SpokenDate);
        text = Money().Replace(text, match =>
        {
            var currency = match.Groups[1].Value switch { "$" => "dollars", "€" => "euros", "£" => "pounds", _ => "yen" };
            var scale = Scale(match.Groups[3].Value);
            return $"{match.Groups[2].Value}{(scale.Length > 0 ? " " + scale : string.Empty)} {currency}";
        });
        text = ScaledNumber().Replace(text, match => $"{match.Groups[1].Value} {Scale(match.Groups[2].Value)}");
        text = Percent().Replace(text, "$1 percent");
        text = NumberRange().Replace(text, "$1 to $2");
        text = Version().Replace(text, "version $1");
        var spoken = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            spoken.Append(c switch
            {
                '&' => " and ",
                '×' => " times ",
                '~' or '≈' => " about ",
                '±' => " plus or minus ",
                '→' => " to ",
                '°' => " degrees ",
                '/' or '\\' or '|' or '_' or '^' or '{' or '}' or '<' or '>' or '=' or '#' or '*' => " ",
                _ => c.ToString(),
            });
        }

        return spoken.ToString();
    }

    /// <summary>"et cetera" and "and colleagues" can close a sentence; "Doctor" or "for example" never do.</summary>
    private static bool CanEndSentence(string words) => words is "et cetera" or "and colleagues";

    private static bool EndsSentence(string text, int after) =>
        after >= text.Length || (char.IsWhiteSpace(text[after]) && text.AsSpan(after).TrimStart() is { Length: > 0 } rest && char.IsUpper(rest[0]));

    private static string Chinese(string text)
    {
        text = IsoDate().Replace(text, "$1年$2月$3日");
        text = Percent().Replace(text, "百分之$1");
        text = NumberRange().Replace(text, "$1到$2");
        return SymbolsChinese().Replace(text, " ");
    }

    private static string SpokenDate(Match match)
    {
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day is >= 1 and <= 31
            ? string.Create(CultureInfo.InvariantCulture, $"{Months[month - 1]} {day}, {match.Groups[1].Value}")
            : match.Value;
    }

    private static string Scale(string suffix) => suffix.ToLowerInvariant() switch
    {
        "k" => "thousand",
        "m" or "mn" or "million" => "million",
        "b" or "bn" or "billion" => "billion",
        "t" or "tn" or "trillion" => "trillion",
        _ => string.Empty,
    };

    private static Regex Word(string pattern) => new($@"(?<![\w.]){pattern}(?!\w)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"```.*?(```|\z)|~~~.*?(~~~|\z)", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'""]|\b[\w.+-]+@[\w-]+\.[\w.]*\w", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\barXiv:\s?\d{4}\.\d{4,5}(v\d+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivId();

    [GeneratedRegex(@"(?m)^\s*(#{1,6}\s|>\s?|[-*+]\s|\d+\.\s)")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"([$€£¥])\s?(\d+(?:[.,]\d+)*)\s?(k|K|m|M|mn|bn|B|tn|T|million|billion|trillion)?\b")]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(\d+(?:\.\d+)?)(k|K|M|bn|B)\b")]
    private static partial Regex ScaledNumber();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s?%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<![\d.])(\d+(?:\.\d+)?)\s?[–—-]\s?(\d+(?:\.\d+)?)(?![\d.])")]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"\bv(\d+(?:\.\d+)+)\b")]
    private static partial Regex Version();

    [GeneratedRegex(@"[#*_^{}<>=|\\]")]
    private static partial Regex SymbolsChinese();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*(\(\s*(?:see|via|at|from|source:?|link:?)?\s*\)|\[\s*\])", RegexOptions.IgnoreCase)]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s+([.,;:!?。，])")]
    private static partial Regex SpaceBeforePunctuation();
}
