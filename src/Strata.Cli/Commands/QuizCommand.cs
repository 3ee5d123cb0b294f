using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Memory;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata quiz</c>: questions from the cards and items of a topic, answered one per line (a choice's number or
/// the missing words), scored at the end with the sources of the missed answers. Nothing is rescheduled.
/// </summary>
internal static class QuizCommand
{
    public static Command Create()
    {
        var tag = new Option<string?>("--tag", "--deck") { Description = "The topic: a tag or deck (default: everything)" };
        var count = new Option<int>("--count", "-n") { Description = "Questions", DefaultValueFactory = _ => 10 };
        var seed = new Option<int?>("--seed") { Description = "Repeat the same quiz (same questions, same order)" };
        var command = new Command("quiz", "Quiz yourself on a topic: multiple-choice and cloze questions, scored at the end with links to what you missed")
        {
            tag, count, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var questions = await kb.BuildQuizAsync(parse.GetValue(tag), Math.Max(1, parse.GetValue(count)), parse.GetValue(seed), cancellationToken);
            var json = parse.GetValue(GlobalOptions.Json);
            if (questions.Count == 0)
            {
                Terminal.Error("nothing to ask: no cards or item sentences" + (parse.GetValue(tag) is { } t ? $" for '{t}'" : string.Empty) + "; try `strata cards generate`");
                return ExitCodes.Failed;
            }

            var answers = new List<string?>();
            foreach (var question in questions)
            {
                if (!json)
                {
                    Terminal.Line($"Q{question.Number}/{questions.Count}. {question.Prompt}");
                    for (var i = 0; i < question.Choices.Count; i++)
                    {
                        Terminal.Line($"   {i + 1}) {MemoryFormat.OneLine(question.Choices[i], 110)}");
                    }

                    Terminal.Line(question.Kind == QuizKind.MultipleChoice ? "your answer (1–4):" : "type the missing words:");
                }

                var given = KeyInput.ReadLine();
                if (given is null)
                {
                    break;
                }

                answers.Add(given);
                if (!json)
                {
                    Terminal.Line(QuizScorer.IsCorrect(question, given) ? "  ✓ right" : $"  ✗ the answer is: {question.Answer}");
                    Terminal.Line();
                }
            }

            var score = QuizScorer.Score(questions, answers);
            if (json)
            {
                var items = questions.Select((q, i) => new QuizQuestionJson(q.Number, q.Kind == QuizKind.MultipleChoice ? "multiple-choice" : "cloze", q.Prompt, [.. q.Choices], q.Answer,
                    i < answers.Count ? answers[i] ?? string.Empty : string.Empty, QuizScorer.IsCorrect(q, i < answers.Count ? answers[i] : null), q.Source.CardId, q.Source.ItemId, q.Source.Title, q.Source.Link));
                Terminal.Json(new QuizJson(score.Correct, score.Total, Math.Round(score.Fraction, 4), [.. items]), MemoryJson.Relaxed.QuizJson);
                return ExitCodes.Success;
            }

            Terminal.Line($"score: {score.Correct}/{score.Total} ({score.Fraction:P0})");
            if (score.Missed.Count > 0)
            {
                Terminal.Line("to read again:");
                foreach (var miss in score.Missed)
                {
                    var source = miss.Question.Source;
                    Terminal.Line($"  Q{miss.Question.Number}: {miss.Question.Answer} — {source.Title ?? "(no source)"}" +
                        (source.Link is null ? string.Empty : $" {source.Link}") + (source.ItemId is null ? string.Empty : $" [{source.ItemId}]"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
