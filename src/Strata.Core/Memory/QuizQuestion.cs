namespace Strata.Core.Memory;

/// <summary>How a quiz question is answered.</summary>
public enum QuizKind
{
    /// <summary>Pick one of <see cref="QuizQuestion.Choices"/> (by number or text).</summary>
    MultipleChoice,

    /// <summary>Type the missing words.</summary>
    Cloze,
}

/// <summary>Something a quiz can ask: a prompt, its answer and where it came from.</summary>
public sealed record QuizSource(string Prompt, string Answer, string? CardId, string? ItemId, string? Title, string? Link);

/// <summary>One question of a quiz.</summary>
public sealed record QuizQuestion(int Number, QuizKind Kind, string Prompt, IReadOnlyList<string> Choices, string Answer, QuizSource Source);

/// <summary>A missed question with what was given and where to read up on it.</summary>
public sealed record QuizMiss(QuizQuestion Question, string Given);

/// <summary>The score of a quiz.</summary>
public sealed record QuizScore(int Correct, int Total, IReadOnlyList<QuizMiss> Missed)
{
    public double Fraction => Total == 0 ? 0 : (double)Correct / Total;
}
