using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Memory;

namespace Strata.Cli.Commands;

/// <summary><c>strata progress</c>: what is due, what was done, retention against the target, streak, mastery and the forecast.</summary>
internal static class ProgressCommand
{
    public static Command Create()
    {
        var command = new Command("progress", "Cards due, reviews done, true retention vs target, streak, per-deck mastery and a 30-day forecast");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var p = await kb.GetProgressAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new ProgressJson(p.At, p.Cards, p.Suspended, p.New, p.DueNow, p.DueToday, p.DueThisWeek, p.ReviewsToday, p.Reviews30Days, p.ReviewsTotal,
                    p.TrueRetention is null ? null : Math.Round(p.TrueRetention.Value, 4), p.RetentionReviews, p.TargetRetention, p.StreakDays,
                    [.. p.Decks.Select(d => new DeckJson(d.Deck, d.Cards, d.New, d.Mature, d.DueToday, Math.Round(d.Mastery, 4)))], [.. p.Forecast]), MemoryJson.Relaxed.ProgressJson);
                return ExitCodes.Success;
            }

            if (p.Cards == 0)
            {
                Terminal.Line("no cards yet: `strata card add`, `strata cards generate --tag <tag>` or `strata cards import <file>`");
                return ExitCodes.Success;
            }

            Terminal.Line($"cards: {p.Cards} ({p.New} new, {p.Suspended} suspended)");
            Terminal.Line($"due: {p.DueNow} now, {p.DueToday} today, {p.DueThisWeek} this week");
            Terminal.Line($"reviews: {p.ReviewsToday} today, {p.Reviews30Days} in 30 days, {p.ReviewsTotal} in all · streak {p.StreakDays} day(s)");
            Terminal.Line(p.TrueRetention is { } retention
                ? $"true retention (30 days, {p.RetentionReviews} reviews): {retention:P1} against a target of {p.TargetRetention:P0}"
                : $"true retention: no reviews of mature cards in 30 days yet (target {p.TargetRetention:P0})");
            var decks = new Table().Border(TableBorder.Rounded).AddColumns("deck", "cards", "new", "mature", "due today", "mastery");
            foreach (var deck in p.Decks)
            {
                decks.AddRow(Terminal.Escape(deck.Deck), deck.Cards.ToString(), deck.New.ToString(), deck.Mature.ToString(), deck.DueToday.ToString(), $"{deck.Mastery:P0}");
            }

            Terminal.Write(decks);
            Terminal.Line($"forecast, next {ProgressCalculator.ForecastDays} days (max {p.Forecast.Max()}/day; day 1 includes overdue):");
            Terminal.Line("  " + MemoryFormat.Sparkline(p.Forecast));
            Terminal.Line("  " + string.Concat(Enumerable.Range(0, p.Forecast.Count).Select(day => day % 7 == 0 ? "|" : " ")) + "  (| = weeks)");
            return ExitCodes.Success;
        });
        return command;
    }
}
