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
    public static string Interval(TimeSpan interval) => IntervalText.Describe(interval);

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
