using System.Text.Json;

namespace Strata.Sources.Imports.Json;

/// <summary>Forgiving reads of export JSON: a missing property or one of an unexpected type reads as null. Pure.</summary>
internal static class JsonFields
{
    /// <summary>The trimmed string value of <paramref name="name"/>, or null when absent, blank or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString()?.Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>A boolean property, or null when absent or not a boolean.</summary>
    public static bool? Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    /// <summary>A date given as unix time (number or numeric string) or ISO 8601, in UTC; null when unreadable.</summary>
    public static DateTimeOffset? Date(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => ImportDates.FromUnix(whole),
            JsonValueKind.Number when value.TryGetDouble(out var fractional) && fractional is > 0 and < long.MaxValue =>
                ImportDates.FromUnix((long)fractional),
            JsonValueKind.String => ImportDates.Parse(value.GetString()),
            _ => null,
        };
    }

    /// <summary>Names from an array of strings or of objects with a <c>name</c> property, added to <paramref name="tags"/>.</summary>
    public static void AddNames(TagList tags, JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty(name, out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            tags.Add(item.ValueKind == JsonValueKind.String ? item.GetString() : Text(item, "name"));
        }
    }
}
