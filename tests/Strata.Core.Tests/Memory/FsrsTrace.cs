using System.Globalization;
using System.Text.Json;
using Strata.Core.Memory;

namespace Strata.Core.Tests.Memory;

/// <summary>The reference trace shipped beside the tests (Memory/Data/py-fsrs-trace.json, copied from py-fsrs 6.3.1).</summary>
internal static class FsrsTrace
{
    public sealed record Entry(DateTimeOffset ReviewedAt, ReviewRating Rating, string? State, int? Step, double Stability, double Difficulty, DateTimeOffset? Due, int? IntervalDays);

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Memory", "Data", "py-fsrs-trace.json"))));

    public static IReadOnlyList<double> Parameters => [.. Document.Value.RootElement.GetProperty("parameters").EnumerateArray().Select(value => value.GetDouble())];

    public static IReadOnlyList<Entry> Read(string name) =>
        [.. Document.Value.RootElement.GetProperty(name).EnumerateArray().Select(ToEntry)];

    private static Entry ToEntry(JsonElement element) => new(
        Time(element.GetProperty("review_utc").GetString()!),
        (ReviewRating)element.GetProperty("rating").GetInt32(),
        element.TryGetProperty("state", out var state) ? state.GetString() : null,
        element.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.Number ? step.GetInt32() : null,
        element.GetProperty("stability").GetDouble(),
        element.GetProperty("difficulty").GetDouble(),
        element.TryGetProperty("due_utc", out var due) ? Time(due.GetString()!) : null,
        element.TryGetProperty("interval_days", out var interval) ? interval.GetInt32() : null);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
