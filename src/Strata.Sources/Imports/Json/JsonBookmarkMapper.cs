using System.Text.Json;

namespace Strata.Sources.Imports.Json;

/// <summary>Maps one JSON element of an export to a bookmark, or says why it cannot.</summary>
internal delegate ImportedBookmark? JsonBookmarkMapper(JsonElement item, out string? problem);

internal static class JsonBookmarks
{
    /// <summary>Maps every element of <paramref name="elements"/>, skipping bad ones with one warning each ("<paramref name="label"/> N: why").</summary>
    public static IEnumerable<ImportedBookmark> MapEach(JsonArrayStream elements, string label, IList<string> warnings, JsonBookmarkMapper map)
    {
        var index = 0;
        while (elements.Next() is { } document)
        {
            index++;
            using (document)
            {
                var bookmark = map(document.RootElement, out var problem);
                if (bookmark is null)
                {
                    warnings.Add($"{label} {index}: {problem}");
                    continue;
                }

                yield return bookmark;
            }
        }
    }
}
