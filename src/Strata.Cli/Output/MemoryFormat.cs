using System.Globalization;
using Strata.Core.Memory;

namespace Strata.Cli.Output;

/// <summary>How cards, intervals and charts read in the terminal.</summary>
internal static class MemoryFormat
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static CardJson ToJson(Card card) => new(
        card.Id, card.Kind.ToString().ToLowerInvariant(), card.Origin.ToString().ToLowerInvariant(), card.Front, card.Back, card.Deck, card.ItemId,
        card.Passage, card.SpanStart, card.SpanEnd, card.Note, card.Suspended, card.Memory.IsNew ? "new" : card.Memory.State.ToString().ToLowerInvariant(),
        card.Memory.Stability, card.Memory.Difficulty, card.Memory.Due, card.Memory.LastReview, card.Reps, card.Lapses);

    /// <summary>An interval as a person says it: 10m, 5h, 3d, 2.5mo, 1.2y.</summary>
    public static string Interval(TimeSpan interval) => interval.TotalMinutes < 60
        ? $"{Math.Max(1, Math.Round(interval.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}m"
        : interval.TotalHours < 24 ? $"{Math.Round(interval.TotalHours).ToString(CultureInfo.InvariantCulture)}h"
        : interval.TotalDays < 30 ? $"{Math.Round(interval.TotalDays).ToString(CultureInfo.InvariantCulture)}d"
        : interval.TotalDays < 365 ? $"{(interval.TotalDays / 30).ToString("0.#", CultureInfo.InvariantCulture)}mo"
        : $"{(interval.TotalDays / 365).ToString("0.#", CultureInfo.InvariantCulture)}y";

    public static string State(Card card) =>
        card.Suspended ? "suspended" : card.Memory.IsNew ? "new" : card.Memory.State.ToString().ToLowerInvariant();

    /// <summary>One block character per value, scaled to the largest.</summary>
    public static string Sparkline(IReadOnlyList<int> values)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        return string.Concat(values.Select(value => value == 0 ? ' ' : Bars[Math.Min(Bars.Length - 1, (int)Math.Ceiling((double)value / max * Bars.Length) - 1)]));
    }

    public static string OneLine(string text, int max = 70)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > max ? line[..(max - 1)] + "…" : line;
    }
}
