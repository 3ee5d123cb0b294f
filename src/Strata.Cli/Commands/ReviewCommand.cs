using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Memory;
using Strata.Hosting.Memory;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata review</c>: the due cards one by one — the front, Enter (or space) to reveal, then 1 Again, 2 Hard,
/// 3 Good or 4 Easy with the interval each would give; q quits. Every grade is stored at once, so a session can stop
/// anywhere and resume later. With piped input each keystroke is one line.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var tag = new Option<string?>("--tag", "--deck") { Description = "Only cards of this deck/tag (and its children)" };
        var limit = new Option<int>("--limit") { Description = "Most cards this session", DefaultValueFactory = _ => 200 };
        var command = new Command("review", "Review due flashcards: reveal with Enter, grade 1 Again / 2 Hard / 3 Good / 4 Easy, q to stop (progress is saved after every card)")
        {
            tag, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var json = parse.GetValue(GlobalOptions.Json);
            var grades = new List<ReviewGradeJson>();
            var deck = parse.GetValue(tag);
            ReviewPrompt? prompt;
            while (grades.Count < parse.GetValue(limit) && (prompt = await kb.NextReviewAsync(deck, cancellationToken)) is not null)
            {
                var rating = Ask(prompt, grades.Count + 1, json);
                if (rating is null)
                {
                    break;
                }

                var review = await kb.GradeCardAsync(prompt.Card.Id, rating.Value, cancellationToken);
                if (review is null)
                {
                    Terminal.Error($"card {prompt.Card.Id} disappeared during the session");
                    continue;
                }

                grades.Add(new ReviewGradeJson(prompt.Card.Id, rating.Value.ToString().ToLowerInvariant(), review.Memory.Due, Math.Round(review.Interval.TotalDays, 4)));
                if (!json)
                {
                    Terminal.Line($"  → {rating.Value}: next in {MemoryFormat.Interval(review.Interval)}");
                    Terminal.Line();
                }
            }

            var left = await kb.CountDueCardsAsync(deck, cancellationToken);
            if (json)
            {
                Terminal.Json(new ReviewSessionJson(grades.Count, left, [.. grades]), MemoryJson.Relaxed.ReviewSessionJson);
            }
            else if (grades.Count == 0 && left == 0)
            {
                Terminal.Line("nothing is due" + (deck is null ? string.Empty : $" in {deck}") + "; `strata progress` shows what is coming");
            }
            else
            {
                Terminal.Line($"reviewed {grades.Count} card(s); {left} still due" + (left > 0 ? " — run `strata review` again to continue" : string.Empty));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Shows one card and reads the grade; null when the user quits (or input ends).</summary>
    private static ReviewRating? Ask(ReviewPrompt prompt, int number, bool quiet)
    {
        if (!quiet)
        {
            var header = $"card {number} · {prompt.Due} due · {prompt.Card.Deck ?? "no deck"} · {MemoryFormat.State(prompt.Card)}" +
                (prompt.Card.Memory.IsNew ? string.Empty : $" · recall {prompt.Retrievability:P0}");
            Terminal.Write(new Panel(Terminal.Escape(prompt.Question)).Header(Terminal.Escape(header)).Border(BoxBorder.Rounded));
            Terminal.Line("Enter: reveal · q: stop");
        }

        while (true)
        {
            var key = KeyInput.Read();
            if (key is null or 'q')
            {
                return null;
            }

            if (key is '\n' or ' ')
            {
                break;
            }
        }

        if (!quiet)
        {
            Terminal.Write(new Panel(Terminal.Escape(prompt.Answer)).Header("answer").Border(BoxBorder.Rounded));
            if (prompt.SourceTitle is not null)
            {
                Terminal.Line($"source: {prompt.SourceTitle} — {prompt.SourceLink}");
            }

            Terminal.Line(string.Join("   ", prompt.Outcomes.Select(outcome => $"{(int)outcome.Rating} {outcome.Rating} ({MemoryFormat.Interval(outcome.Interval)})")) + "   q stop");
        }

        while (true)
        {
            var key = KeyInput.Read();
            if (key is null or 'q')
            {
                return null;
            }

            if (key is >= '1' and <= '4')
            {
                return (ReviewRating)(key.Value - '0');
            }

            if (!quiet && key != '\n')
            {
                Terminal.Line("press 1, 2, 3 or 4 (or q)");
            }
        }
    }
}
