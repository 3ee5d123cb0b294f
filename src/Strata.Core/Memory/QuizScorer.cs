using System.Globalization;
using System.Text;

namespace Strata.Core.Memory;

/// <summary>Scores quiz answers. A choice counts by its number or its text; typed answers ignore case, accents, punctuation and spacing.</summary>
public static class QuizScorer
{
    public static bool IsCorrect(QuizQuestion question, string? given)
    {
        var answer = (given ?? string.Empty).Trim();
        if (question.Kind == QuizKind.MultipleChoice && int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= question.Choices.Count)
        {
            answer = question.Choices[number - 1];
        }

        return Same(answer, question.Answer);
    }

    /// <summary>Scores <paramref name="answers"/> (by question, in order; missing ones are wrong).</summary>
    public static QuizScore Score(IReadOnlyList<QuizQuestion> questions, IReadOnlyList<string?> answers)
    {
        var missed = new List<QuizMiss>();
        for (var i = 0; i < questions.Count; i++)
        {
            var given = i < answers.Count ? answers[i] : null;
            if (!IsCorrect(questions[i], given))
            {
                missed.Add(new QuizMiss(questions[i], given ?? string.Empty));
            }
        }

        return new QuizScore(questions.Count - missed.Count, questions.Count, missed);
    }

    public static bool Same(string a, string b) => Normalize(a) == Normalize(b);

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
