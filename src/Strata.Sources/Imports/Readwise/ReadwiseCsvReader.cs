using Strata.Sources.Imports.Csv;

namespace Strata.Sources.Imports.Readwise;

/// <summary>
/// Reads Readwise Reader's CSV export (<c>Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen</c>).
/// <c>Location</c> <c>archive</c> means archived; <c>new</c>, <c>later</c> and <c>shortlist</c> do not.
/// </summary>
internal static class ReadwiseCsvReader
{
    /// <summary>Reads the header eagerly: throws <see cref="ImportException"/> when there is no <c>URL</c> column.</summary>
    public static IEnumerable<ImportedBookmark> Read(TextReader reader, IList<string> warnings) =>
        ReadRows(CsvTable.Open(reader, warnings, "Readwise Reader", "URL"), warnings);

    private static IEnumerable<ImportedBookmark> ReadRows(CsvTable table, IList<string> warnings)
    {
        while (table.Next())
        {
            var url = BookmarkUrl.Parse(table.Field("URL"), out var problem);
            if (url is null)
            {
                warnings.Add($"line {table.Line}: {problem}");
                continue;
            }

            var tags = new TagList();
            ReadwiseTagList.AddTo(tags, table.Field("Document tags"));
            var location = table.Field("Location");
            yield return new ImportedBookmark(
                url,
                table.Field("Title"),
                tags.ToList(),
                ImportDates.Parse(table.Field("Saved date")),
                Note: null,
                Excerpt: null,
                Archived: location is null ? null : location.Equals("archive", StringComparison.OrdinalIgnoreCase),
                Favourite: null);
        }
    }
}
