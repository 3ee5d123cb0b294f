using System.Text;
using Strata.Sources.Imports.Markup;

namespace Strata.Sources.Imports.Netscape;

/// <summary>
/// Reads Netscape bookmark HTML (Chrome, Firefox, Safari, Edge exports) as a stream. Folders become one tag each
/// (path joined with <c>/</c>), browser root folders (bookmarks toolbar, other bookmarks) excepted; <c>TAGS</c> adds
/// tags; <c>ADD_DATE</c> becomes <see cref="ImportedBookmark.SavedAt"/>; a <c>&lt;DD&gt;</c> after a link is its note.
/// </summary>
internal static class NetscapeBookmarkReader
{
    private static readonly HashSet<string> SkippedAttributes = new(StringComparer.Ordinal) { "icon", "icon_uri" };

    /// <summary>Throws <see cref="ImportException"/> when the file holds no bookmark list at all.</summary>
    public static IEnumerable<ImportedBookmark> Read(TextReader reader, IList<string> warnings)
    {
        var tokens = new MarkupTokenizer(reader, SkippedAttributes);
        var folders = new FolderPath();
        var sawList = false;
        AnchorDraft? anchor = null;
        var inTitle = false;
        var inNote = false;
        StringBuilder? folderName = null;
        var folderIsRoot = false;

        while (tokens.Next())
        {
            if (tokens.Kind == MarkupTokenKind.Text)
            {
                if (inTitle)
                {
                    anchor!.AppendTitle(tokens.Text);
                }
                else if (inNote)
                {
                    anchor!.AppendNote(tokens.Text);
                }
                else
                {
                    folderName?.Append(folderName.Length > 0 ? " " : string.Empty).Append(tokens.Text);
                }

                continue;
            }

            var isStart = tokens.Kind == MarkupTokenKind.StartTag;
            if (tokens.Name == "a" && !isStart)
            {
                inTitle = false;
                continue;
            }

            if (tokens.Name == "dd" && isStart && anchor is not null && !inNote)
            {
                inTitle = false;
                inNote = true;
                continue;
            }

            if (anchor is not null && tokens.Name is not ("br" or "p"))
            {
                var bookmark = anchor.Complete(warnings);
                anchor = null;
                inTitle = inNote = false;
                if (bookmark is not null)
                {
                    yield return bookmark;
                }
            }

            switch (tokens.Name, isStart)
            {
                case ("a", true):
                    anchor = StartAnchor(tokens, folders.Tag);
                    inTitle = true;
                    break;
                case ("h3", true):
                    folderName = new StringBuilder();
                    folderIsRoot = IsBrowserRoot(tokens);
                    break;
                case ("h3", false):
                    folders.Announce(folderIsRoot ? null : folderName?.ToString());
                    folderName = null;
                    break;
                case ("dl", true):
                    sawList = true;
                    folders.Enter();
                    break;
                case ("dl", false):
                    folders.Leave();
                    break;
                default:
                    break;
            }
        }

        if (anchor?.Complete(warnings) is { } last)
        {
            yield return last;
        }

        if (!sawList)
        {
            throw new ImportException("not a Netscape bookmark file: it contains no bookmark list (<DL>)");
        }
    }

    private static AnchorDraft StartAnchor(MarkupTokenizer tokens, string? folderTag)
    {
        var anchor = new AnchorDraft(tokens.Line, tokens.Attribute("href"), tokens.Attribute("add_date"));
        anchor.Tags.Add(folderTag);
        anchor.Tags.AddSplit(tokens.Attribute("tags"), ',');
        return anchor;
    }

    private static bool IsBrowserRoot(MarkupTokenizer tokens) =>
        string.Equals(tokens.Attribute("personal_toolbar_folder"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(tokens.Attribute("unfiled_bookmarks_folder"), "true", StringComparison.OrdinalIgnoreCase);
}
