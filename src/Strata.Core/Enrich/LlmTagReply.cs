using System.Text.Json;

namespace Strata.Core.Enrich;

/// <summary>
/// Reads a model's tagging reply: a JSON object <c>{"existing": [...], "new": [...]}</c>, possibly wrapped in prose or
/// a code fence. Existing picks must really be in the taxonomy (a model that invents one there is corrected into "new").
/// </summary>
public static class LlmTagReply
{
    public const int MaxTags = 5;

    public static (IReadOnlyList<string> Existing, IReadOnlyList<string> Proposed) Parse(string reply, IReadOnlySet<string> taxonomy)
    {
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return ([], []);
        }

        try
        {
            using var document = JsonDocument.Parse(reply[start..(end + 1)]);
            var existing = new List<string>();
            var proposed = new List<string>();
            // A model may file a taxonomy tag under "new" or invent one under "existing": the taxonomy decides.
            foreach (var property in new[] { "existing", "new" })
            {
                if (!document.RootElement.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var element in array.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.String && Items.ItemTag.Normalize(element.GetString()!) is { Length: > 0 and <= 64 } tag)
                    {
                        (taxonomy.Contains(tag) ? existing : proposed).Add(tag);
                    }
                }
            }

            return (existing.Distinct().Take(MaxTags).ToArray(), proposed.Distinct().Where(tag => !existing.Contains(tag)).Take(MaxTags).ToArray());
        }
        catch (JsonException)
        {
            return ([], []);
        }
    }

    public static string Prompt(IReadOnlyCollection<string> taxonomy, string title, string text) =>
        "You tag documents in a personal knowledge base. Choose the tags that fit the document below, preferring the existing " +
        "taxonomy. Use a new tag only when nothing in the taxonomy fits; new tags are only proposed to the user.\n" +
        $"Existing tags: {(taxonomy.Count == 0 ? "(none yet)" : string.Join(", ", taxonomy))}\n" +
        $"Reply with JSON only: {{\"existing\": [up to {MaxTags} existing tags], \"new\": [up to 2 new tags, lower-case, '/' for hierarchy]}}\n\n" +
        $"Title: {title}\n\n{text}";
}
