namespace Strata.Core.Memory;

/// <summary>
/// Builds a quiz from cards and item sentences: a question becomes multiple choice (the answer among three other
/// answers from the same pool, closest in length first) when the pool has enough distinct answers, else a cloze to
/// type. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class QuizBuilder
{
    public const int Choices = 4;

    public static IReadOnlyList<QuizQuestion> Build(IReadOnlyList<QuizSource> pool, int count, Random random)
    {
        var distinct = pool.Where(source => !string.IsNullOrWhiteSpace(source.Answer))
            .DistinctBy(source => source.Prompt, StringComparer.Ordinal).ToArray();
        random.Shuffle(distinct);
        var questions = new List<QuizQuestion>();
        foreach (var source in distinct.Take(count))
        {
            var others = distinct.Select(other => other.Answer.Trim())
                .Where(answer => !QuizScorer.Same(answer, source.Answer))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(answer => Math.Abs(answer.Length - source.Answer.Length))
                .ThenBy(answer => answer, StringComparer.Ordinal)
                .Take(Choices - 1)
                .ToList();
            var number = questions.Count + 1;
            if (others.Count < Choices - 1)
            {
                questions.Add(new QuizQuestion(number, QuizKind.Cloze, source.Prompt, [], source.Answer.Trim(), source));
                continue;
            }

            var choices = others.Append(source.Answer.Trim()).ToArray();
            random.Shuffle(choices);
            questions.Add(new QuizQuestion(number, QuizKind.MultipleChoice, source.Prompt, choices, source.Answer.Trim(), source));
        }

        return questions;
    }
}
