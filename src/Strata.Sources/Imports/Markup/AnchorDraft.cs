using System.Text;

namespace Strata.Sources.Imports.Markup;

/// <summary>The parts of one <c>&lt;a&gt;</c> bookmark gathered while tokenizing, turned into a bookmark or a warning.</summary>
internal sealed class AnchorDraft
{
    private readonly StringBuilder _title = new();
    private readonly StringBuilder _note = new();

    public AnchorDraft(int line, string? href, string? savedAt)
    {
        Line = line;
        Href = href;
        SavedAt = savedAt;
    }

    public int Line { get; }

    public string? Href { get; }

    public string? SavedAt { get; }

    public TagList Tags { get; } = new();

    public bool? Archived { get; init; }

    public void AppendTitle(string text) => Append(_title, text);

    public void AppendNote(string text) => Append(_note, text);

    /// <summary>The bookmark, or null after adding one warning line when the URL is unusable.</summary>
    public ImportedBookmark? Complete(IList<string> warnings)
    {
        var url = BookmarkUrl.Parse(Href, out var problem);
        if (url is null)
        {
            warnings.Add($"line {Line}: {problem}");
            return null;
        }

        return new ImportedBookmark(
            url,
            _title.Length == 0 ? null : CollapseWhitespace(_title.ToString()),
            Tags.ToList(),
            ImportDates.Parse(SavedAt),
            _note.Length == 0 ? null : TrimLines(_note.ToString()),
            Excerpt: null,
            Archived,
            Favourite: null);
    }

    private static string CollapseWhitespace(string text) =>
        text.AsSpan().ContainsAny('\n', '\r', '\t') || text.Contains("  ", StringComparison.Ordinal)
            ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : text;

    private static string TrimLines(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    private static void Append(StringBuilder builder, string text)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(text);
    }
}
