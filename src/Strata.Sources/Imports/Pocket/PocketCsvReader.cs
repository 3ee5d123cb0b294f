using Strata.Sources.Imports.Csv;

namespace Strata.Sources.Imports.Pocket;

/// <summary>
/// Reads Pocket's CSV export (<c>title,url,time_added,tags,status</c>, sometimes with <c>cursor</c>):
/// tags separated by <c>|</c>, <c>status</c> <c>archive</c> means archived.
/// </summary>
internal static class PocketCsvReader
{
    /// <summary>Reads the header eagerly: throws <see cref="ImportException"/> when there is no <c>url</c> column.</summary>
    public static IEnumerable<ImportedBookmark> Read(TextReader reader, IList<string> warnings) =>
        ReadRows(CsvTable.Open(reader, warnings, "Pocket", "url"), warnings);

    private static IEnumerable<ImportedBookmark> ReadRows(CsvTable table, IList<string> warnings)
    {
        while (table.Next())
        {
            var url = BookmarkUrl.Parse(table.Field("url"), out var problem);
            if (url is null)
            {
                warnings.Add($"line {table.Line}: {problem}");
                continue;
            }

            var tags = new TagList();
            tags.AddSplit(table.Field("tags"), '|');
            var status = table.Field("status");
            yield return new ImportedBookmark(
                url,
                table.Field("title"),
                tags.ToList(),
                ImportDates.Parse(table.Field("time_added")),
                Note: null,
                Excerpt: null,
                Archived: status is null ? null : status.Equals("archive", StringComparison.OrdinalIgnoreCase),
                Favourite: null);
        }
    }
}
