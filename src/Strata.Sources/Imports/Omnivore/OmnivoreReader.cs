using System.IO.Compression;
using System.Text.Json;
using Strata.Sources.Imports.Json;

namespace Strata.Sources.Imports.Omnivore;

/// <summary>
/// Reads Omnivore's export: a JSON array of saved items, or the export zip, whose <c>metadata_*.json</c> entries are
/// such arrays (other entries, such as saved content, are ignored). <c>url</c> wins over <c>originalArticleUrl</c>;
/// <c>state</c> <c>Archived</c> or <c>isArchived</c> marks archived; <c>description</c> is the excerpt.
/// </summary>
internal static class OmnivoreReader
{
    private const string FormatName = "Omnivore";
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Checks the start of the file now; throws <see cref="ImportException"/> when it is neither a JSON array nor a zip.</summary>
    public static IEnumerable<ImportedBookmark> Read(Stream stream, IList<string> warnings)
    {
        var head = new byte[ZipMagic.Length];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (length == ZipMagic.Length && head.AsSpan().SequenceEqual(ZipMagic))
        {
            var archive = OpenZip(stream, head);
            return ReadZip(archive, MetadataEntries(archive), warnings);
        }

        var elements = JsonArrayStream.OpenArray(stream, head.AsSpan(0, length), FormatName);
        return JsonBookmarks.MapEach(elements, "entry", warnings, Map);
    }

    private static ZipArchive OpenZip(Stream stream, byte[] head)
    {
        Stream whole;
        if (stream.CanSeek)
        {
            stream.Seek(-head.Length, SeekOrigin.Current);
            whole = stream;
        }
        else
        {
            var copy = new MemoryStream();
            copy.Write(head);
            stream.CopyTo(copy);
            copy.Position = 0;
            whole = copy;
        }

        try
        {
            return new ZipArchive(whole, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException exception)
        {
            throw new ImportException("not a valid Omnivore export: the zip archive is damaged", exception);
        }
    }

    private static ZipArchiveEntry[] MetadataEntries(ZipArchive archive)
    {
        var metadata = archive.Entries
            .Where(entry => entry.Name.StartsWith("metadata_", StringComparison.OrdinalIgnoreCase)
                && entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (metadata.Length == 0)
        {
            archive.Dispose();
            throw new ImportException("not an Omnivore export: the zip holds no metadata_*.json files");
        }

        return metadata;
    }

    private static IEnumerable<ImportedBookmark> ReadZip(ZipArchive archive, ZipArchiveEntry[] metadata, IList<string> warnings)
    {
        using (archive)
        {
            foreach (var entry in metadata)
            {
                using var content = entry.Open();
                var elements = JsonArrayStream.OpenArray(content, [], $"{FormatName} ({entry.FullName})");
                foreach (var bookmark in JsonBookmarks.MapEach(elements, $"{entry.FullName} entry", warnings, Map))
                {
                    yield return bookmark;
                }
            }
        }
    }

    private static ImportedBookmark? Map(JsonElement item, out string? problem)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"not an object but {item.ValueKind}";
            return null;
        }

        var url = BookmarkUrl.Parse(JsonFields.Text(item, "url") ?? JsonFields.Text(item, "originalArticleUrl"), out problem);
        if (url is null)
        {
            return null;
        }

        var tags = new TagList();
        JsonFields.AddNames(tags, item, "labels");
        var state = JsonFields.Text(item, "state");
        var archived = JsonFields.Flag(item, "isArchived")
            ?? (state is null ? null : state.Equals("Archived", StringComparison.OrdinalIgnoreCase));
        return new ImportedBookmark(
            url,
            JsonFields.Text(item, "title"),
            tags.ToList(),
            JsonFields.Date(item, "savedAt"),
            Note: null,
            JsonFields.Text(item, "description"),
            archived,
            Favourite: null);
    }
}
