using Strata.Sources.Imports.Markup;

namespace Strata.Sources.Imports.Pocket;

/// <summary>
/// Reads Pocket's classic <c>ril_export.html</c>: <c>&lt;li&gt;&lt;a href time_added tags&gt;</c> items under
/// <c>&lt;h1&gt;Unread&lt;/h1&gt;</c> (not archived) and <c>&lt;h1&gt;Read Archive&lt;/h1&gt;</c> (archived).
/// </summary>
internal static class PocketHtmlReader
{
    private static readonly HashSet<string> SkippedAttributes = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="ImportException"/> at the end when the file held neither links nor Pocket sections.</summary>
    public static IEnumerable<ImportedBookmark> Read(TextReader reader, IList<string> warnings)
    {
        var tokens = new MarkupTokenizer(reader, SkippedAttributes);
        bool? archived = null;
        var inHeading = false;
        var sawPocketMarkup = false;
        AnchorDraft? anchor = null;

        while (tokens.Next())
        {
            if (tokens.Kind == MarkupTokenKind.Text)
            {
                if (anchor is not null)
                {
                    anchor.AppendTitle(tokens.Text);
                }
                else if (inHeading)
                {
                    archived = SectionIsArchive(tokens.Text);
                    sawPocketMarkup |= archived is not null;
                }

                continue;
            }

            if (anchor is not null && tokens.Name is "a" or "li" or "ul" or "h1")
            {
                var bookmark = anchor.Complete(warnings);
                anchor = null;
                if (bookmark is not null)
                {
                    yield return bookmark;
                }
            }

            var isStart = tokens.Kind == MarkupTokenKind.StartTag;
            if (tokens.Name == "h1")
            {
                inHeading = isStart;
            }
            else if (tokens.Name == "a" && isStart)
            {
                sawPocketMarkup = true;
                anchor = new AnchorDraft(tokens.Line, tokens.Attribute("href"), tokens.Attribute("time_added")) { Archived = archived };
                anchor.Tags.AddSplit(tokens.Attribute("tags"), ',');
            }
        }

        if (anchor?.Complete(warnings) is { } last)
        {
            yield return last;
        }

        if (!sawPocketMarkup)
        {
            throw new ImportException("not a Pocket export: the HTML has no links and no Unread/Read Archive sections");
        }
    }

    private static bool? SectionIsArchive(string heading) => heading.Trim().ToLowerInvariant() switch
    {
        "read archive" or "archive" => true,
        "unread" => false,
        _ => null,
    };
}
