using System.Text.Json.Serialization;

namespace Strata.Cli.Output;

/// <summary>JSON shapes of cards, reviews, quizzes and progress (<c>--json</c>); field names are part of the scripting contract.</summary>
internal sealed record CardJson(
    string Id, string Kind, string Origin, string Front, string Back, string? Deck, string? ItemId, string? Passage, int? SpanStart, int? SpanEnd,
    string? Note, bool Suspended, string State, double? Stability, double? Difficulty, DateTimeOffset Due, DateTimeOffset? LastReview, int Reps, int Lapses);

internal sealed record CardDraftJson(string Kind, string Front, string Back, string ItemId, string Passage, int? SpanStart, int? SpanEnd);

internal sealed record CardGenerationJson(string Method, CardDraftJson[] Drafts, int Saved, string[] Notices);

internal sealed record CardImportJson(int Added, int Duplicates, string[] Problems);

internal sealed record ReviewSessionJson(int Reviewed, int StillDue, ReviewGradeJson[] Grades);

internal sealed record ReviewGradeJson(string CardId, string Rating, DateTimeOffset Due, double IntervalDays);

internal sealed record QuizJson(int Correct, int Total, double Score, QuizQuestionJson[] Questions);

internal sealed record QuizQuestionJson(int Number, string Kind, string Prompt, string[] Choices, string Answer, string Given, bool Correct, string? CardId, string? ItemId, string? Title, string? Link);

internal sealed record OptimizeJson(int Reviews, int TrainingReviews, double? LogLossBefore, double? LogLossAfter, double? HeldOutLogLossBefore, double? HeldOutLogLossAfter, double[]? Weights, bool Saved, string? Notice);

internal sealed record ProgressJson(
    DateTimeOffset At, int Cards, int Suspended, int New, int DueNow, int DueToday, int DueThisWeek, int ReviewsToday, int Reviews30Days, int ReviewsTotal,
    double? TrueRetention, int RetentionReviews, double TargetRetention, int StreakDays, DeckJson[] Decks, int[] Forecast);

internal sealed record DeckJson(string Deck, int Cards, int New, int Mature, int DueToday, double Mastery);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CardJson))]
[JsonSerializable(typeof(CardJson[]))]
[JsonSerializable(typeof(CardGenerationJson))]
[JsonSerializable(typeof(CardImportJson))]
[JsonSerializable(typeof(ReviewSessionJson))]
[JsonSerializable(typeof(QuizJson))]
[JsonSerializable(typeof(OptimizeJson))]
[JsonSerializable(typeof(ProgressJson))]
internal sealed partial class MemoryJson : JsonSerializerContext
{
    /// <summary>Writes non-ASCII text (Chinese) as itself.</summary>
    public static MemoryJson Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
