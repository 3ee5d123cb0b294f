using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Strata.Sources.Extractors.Docx;

/// <summary>
/// Writes the runs of one paragraph as Markdown inline text: bold, italic and hyperlinks, with
/// neighbouring runs of the same formatting merged so markers never stutter. Thread-safe.
/// </summary>
internal static class DocxInlineWriter
{
    private readonly record struct Segment(string Text, bool Bold, bool Italic, string? Link);

    public static string Write(OpenXmlElement paragraph, MainDocumentPart mainPart)
    {
        var segments = new List<Segment>();
        Collect(paragraph, mainPart, link: null, segments);
        return Render(Merge(segments)).Trim();
    }

    private static void Collect(OpenXmlElement element, MainDocumentPart mainPart, string? link, List<Segment> segments)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    var text = RunText(run);
                    if (text.Length > 0)
                    {
                        segments.Add(new Segment(text, IsOn(run.RunProperties?.Bold), IsOn(run.RunProperties?.Italic), link));
                    }

                    break;
                case Hyperlink hyperlink:
                    Collect(hyperlink, mainPart, ResolveLink(hyperlink, mainPart) ?? link, segments);
                    break;
                case ParagraphProperties or DeletedRun:
                    break;
                default:
                    // Smart tags, inserted runs, content controls, fields: descend to their runs.
                    Collect(child, mainPart, link, segments);
                    break;
            }
        }
    }

    private static string RunText(Run run)
    {
        var builder = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case WordText text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append(' ');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsOn(OnOffType? toggle) => toggle is not null && (toggle.Val is null || toggle.Val.Value);

    private static string? ResolveLink(Hyperlink hyperlink, MainDocumentPart mainPart)
    {
        var id = hyperlink.Id?.Value;
        if (id is not null)
        {
            var relationship = mainPart.HyperlinkRelationships.FirstOrDefault(r => r.Id == id);
            if (relationship is not null)
            {
                return relationship.Uri.ToString();
            }
        }

        var anchor = hyperlink.Anchor?.Value;
        return string.IsNullOrEmpty(anchor) ? null : "#" + anchor;
    }

    private static List<Segment> Merge(List<Segment> segments)
    {
        var merged = new List<Segment>(segments.Count);
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1] is var last
                && last.Bold == segment.Bold && last.Italic == segment.Italic && last.Link == segment.Link)
            {
                merged[^1] = last with { Text = last.Text + segment.Text };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    private static string Render(List<Segment> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            var core = segment.Text.Trim();
            if (core.Length == 0)
            {
                builder.Append(segment.Text);
                continue;
            }

            var leading = segment.Text[..segment.Text.IndexOf(core, StringComparison.Ordinal)];
            var trailing = segment.Text[(leading.Length + core.Length)..];
            var marker = (segment.Bold ? "**" : string.Empty) + (segment.Italic ? "*" : string.Empty);
            var formatted = marker + core + new string(marker.Reverse().ToArray());
            if (segment.Link is not null)
            {
                formatted = $"[{formatted}]({segment.Link})";
            }

            builder.Append(leading).Append(formatted).Append(trailing);
        }

        return builder.ToString();
    }
}
