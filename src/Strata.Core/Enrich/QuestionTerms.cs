using System.Text.RegularExpressions;
using Strata.Core.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// The words of a natural-language question that say what it is about: English stop words and question words
/// are dropped; Chinese runs are cut at function characters and question words (什么, 如何, …). Pure; never throws.
/// </summary>
public static partial class QuestionTerms
{
    private static readonly string[] ChineseQuestionWords = ["什么", "怎么", "怎样", "如何", "为什么", "哪些", "哪个", "是否", "有没有", "多少"];

    public static IReadOnlyList<string> Extract(string question)
    {
        var terms = new List<string>();
        foreach (Match match in Word().Matches(question))
        {
            var word = match.Value;
            if (CharClasses.IsCjk(char.ConvertToUtf32(word, 0)))
            {
                foreach (var questionWord in ChineseQuestionWords)
                {
                    word = word.Replace(questionWord, " ", StringComparison.Ordinal);
                }

                terms.AddRange(word.Split([' ', .. "的了是在和也就都而及与或这那个我你他她它们之其为以于着把被吗呢吧啊"], StringSplitOptions.RemoveEmptyEntries)
                    .Where(part => part.Length >= 2));
                continue;
            }

            var lower = word.ToLowerInvariant();
            if (lower.Length >= 2 && !StopTerms.IsStopWord(lower) && !QuestionWords.Contains(lower))
            {
                terms.Add(lower);
            }
        }

        return terms.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "tell", "explain", "describe", "saved", "save", "know", "anything", "something", "please", "give", "show", "list",
    };

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}]+|[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex Word();
}
