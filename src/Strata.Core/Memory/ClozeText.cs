using System.Text.RegularExpressions;

namespace Strata.Core.Memory;

/// <summary>Anki-style cloze markup: <c>{{c1::answer}}</c> (optionally <c>{{c1::answer::hint}}</c>) inside a sentence.</summary>
public static partial class ClozeText
{
    public const string Blank = "[…]";

    /// <summary>The sentence with the <paramref name="length"/> characters at <paramref name="at"/> marked as the answer.</summary>
    public static string Make(string sentence, int at, int length) =>
        $"{sentence[..at]}{{{{c1::{sentence.Substring(at, length)}}}}}{sentence[(at + length)..]}";

    public static bool IsCloze(string text) => Deletion().IsMatch(text);

    /// <summary>The question: every deletion replaced by a blank (or its hint).</summary>
    public static string Mask(string text) => Deletion().Replace(text, match => match.Groups[2].Success ? $"[{match.Groups[2].Value}]" : Blank);

    /// <summary>The full sentence with the answers in place.</summary>
    public static string Reveal(string text) => Deletion().Replace(text, match => match.Groups[1].Value);

    /// <summary>The hidden answers, in order.</summary>
    public static IReadOnlyList<string> Answers(string text) => [.. Deletion().Matches(text).Select(match => match.Groups[1].Value)];

    [GeneratedRegex(@"\{\{c\d+::(.+?)(?:::(.+?))?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Deletion();
}
