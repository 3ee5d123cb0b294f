namespace Strata.Hosting.Ask;

/// <summary>How an answer was made.</summary>
public enum AnswerKind
{
    /// <summary>Written by the chat model from the cited passages.</summary>
    Generated,

    /// <summary>No model (or its budget is spent): the best passages, with the sentences that answer highlighted.</summary>
    Extractive,

    /// <summary>Nothing in the base answers the question; no answer is given.</summary>
    NotFound,
}

/// <summary>An answer with its numbered sources; <see cref="Notice"/> says why a model was not used, when it was configured.</summary>
/// <param name="Question">The question asked.</param>
/// <param name="Kind">How the answer was made.</param>
/// <param name="Citations">The numbered sources.</param>
/// <param name="Model">The model that wrote it, when one did.</param>
/// <param name="Notice">Why a configured model was not used, if it was not.</param>
/// <param name="Text">The answer; extractive answers mark highlighted sentences with <see cref="KnowledgeBase.SnippetOpen"/>/<see cref="KnowledgeBase.SnippetClose"/>.</param>
public sealed record AskAnswer(string Question, AnswerKind Kind, string Text, IReadOnlyList<Citation> Citations, string? Model, string? Notice);
