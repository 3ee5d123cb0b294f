using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Renders cleaned article HTML as Markdown: headings, paragraphs, nested lists, links with absolute
/// URLs, emphasis, inline and fenced code, block quotes, images with alt text and simple tables.
/// Block layout lives here; inline text assembly in <see cref="InlineBuffer"/>. Not thread-safe; one per call.
/// </summary>
internal sealed class MarkdownWriter
{
    private readonly BlockOutput _blocks = new();
    private readonly InlineBuffer _inline = new();
    private readonly UrlResolver _urls;
    private int _openItems;
    private int _inlineOnly;

    private MarkdownWriter(Uri? baseUri) => _urls = new UrlResolver(baseUri);

    public static string Write(INode root, Uri? baseUri)
    {
        var writer = new MarkdownWriter(baseUri);
        writer.WriteChildren(root);
        writer.Flush();
        return writer._blocks.ToString();
    }

    private void WriteChildren(INode node)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                _inline.AppendText(text.Data);
            }
            else if (child is IElement element)
            {
                WriteElement(element);
            }
        }
    }

    private void WriteElement(IElement element)
    {
        var tag = element.LocalName;
        if (HtmlTags.IsNeverContent(tag) || !VisibilityRules.IsProbablyVisible(element))
        {
            return;
        }

        if (_inlineOnly > 0 && HtmlTags.IsBlock(tag))
        {
            _inline.AppendSpace();
            WriteChildren(element);
            _inline.AppendSpace();
            return;
        }

        switch (tag)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                WriteHeading(element, HtmlTags.HeadingLevel(tag));
                break;
            case "br":
                _inline.AppendLineBreak();
                break;
            case "hr":
                Flush();
                _blocks.Emit("---");
                break;
            case "pre":
                Flush();
                _blocks.Emit(CodeBlocks.Fence(element));
                break;
            case "blockquote":
                WriteQuote(element);
                break;
            case "ul" or "ol":
                WriteList(element, tag == "ol");
                break;
            case "table":
                WriteTable(element);
                break;
            case "img":
                AppendImage(element);
                break;
            case "a":
                AppendLink(element);
                break;
            case "em" or "i" or "cite" or "dfn":
                WrapInline(element, "*");
                break;
            case "strong" or "b":
                WrapInline(element, "**");
                break;
            case "del" or "s" or "strike":
                WrapInline(element, "~~");
                break;
            case "code" or "kbd" or "samp" or "tt" or "var":
                _inline.AppendCode(element.TextContent);
                break;
            default:
                WriteGeneric(element, tag);
                break;
        }
    }

    private void WriteGeneric(IElement element, string tag)
    {
        if (!HtmlTags.IsBlock(tag))
        {
            WriteChildren(element);
            return;
        }

        Flush();
        WriteChildren(element);
        Flush();
    }

    private void WriteHeading(IElement element, int level)
    {
        Flush();
        var text = RenderInline(element);
        if (text.Length > 0)
        {
            _blocks.Emit(new string('#', level) + " " + text.Replace('\n', ' '));
        }
    }

    private void WriteQuote(IElement element)
    {
        Flush();
        var saved = _blocks.Indent;
        _blocks.Indent += "> ";
        if (_blocks.Marker is not null)
        {
            _blocks.Marker += "> ";
        }

        WriteChildren(element);
        Flush();
        _blocks.Indent = saved;
    }

    private void WriteList(IElement list, bool ordered, bool continuesList = false)
    {
        Flush();
        var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        var saved = _blocks.Indent;
        var first = !continuesList;
        for (var item = list.FirstChild; item is not null; item = item.NextSibling)
        {
            if (item is not IElement element)
            {
                _inline.AppendText(item.TextContent);
                continue;
            }

            if (element.LocalName is "ul" or "ol")
            {
                WriteList(element, element.LocalName == "ol", continuesList: !first);
                first = false;
                continue;
            }

            var marker = ordered ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "- ";
            Flush();
            _blocks.Indent = saved + new string(' ', marker.Length);
            _blocks.Marker = saved + marker;
            _blocks.Tight = !first || _openItems > 0;
            _openItems++;
            WriteChildren(element);
            Flush();
            _openItems--;
            _blocks.Indent = saved;
            _blocks.Marker = null;
            number++;
            first = false;
        }

        _blocks.Tight = false;
    }

    private void WriteTable(IElement table)
    {
        Flush();
        var rows = TableLayout.Rows(table);
        if (!TableLayout.IsSimple(table, rows))
        {
            WriteChildren(table);
            Flush();
            return;
        }

        var cells = new List<List<string>>(rows.Count);
        foreach (var row in rows)
        {
            var texts = new List<string>(row.Count);
            foreach (var cell in row)
            {
                texts.Add(RenderInline(cell).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal));
            }

            cells.Add(texts);
        }

        var markdown = TableLayout.Format(cells);
        if (markdown.Length > 0)
        {
            _blocks.Emit(markdown);
        }
    }

    private void AppendImage(IElement image)
    {
        var source = _urls.ImageSource(image);
        var alt = TextNormalizer.Collapse(image.GetAttribute("alt") ?? image.GetAttribute("title"));
        if (source is null)
        {
            _inline.AppendText(alt);
            return;
        }

        _inline.AppendRaw("![" + InlineBuffer.EscapeBrackets(alt) + "](" + source + ")");
    }

    private void AppendLink(IElement link)
    {
        var url = _urls.LinkTarget(link.GetAttribute("href"));
        if (url is null || HtmlTags.HasBlockDescendant(link))
        {
            WriteChildren(link);
            return;
        }

        var start = _inline.Mark();
        var outerEscape = _inline.EscapeTextBrackets;
        _inline.EscapeTextBrackets = true;
        WriteChildren(link);
        _inline.EscapeTextBrackets = outerEscape;
        var text = _inline.TakeSince(start).Trim();
        if (text.Length == 0)
        {
            return;
        }

        _inline.AppendRaw("[" + text + "](" + url + ")");
    }

    private void WrapInline(IElement element, string mark)
    {
        if (HtmlTags.HasBlockDescendant(element))
        {
            WriteChildren(element);
            return;
        }

        var start = _inline.Mark();
        WriteChildren(element);
        var inner = _inline.TakeSince(start);
        var trimmed = inner.Trim();
        var alreadyMarked = trimmed.Length > 2 * mark.Length && trimmed.StartsWith(mark, StringComparison.Ordinal) && trimmed.EndsWith(mark, StringComparison.Ordinal);
        if (trimmed.Length == 0 || alreadyMarked || trimmed.Contains('\n', StringComparison.Ordinal))
        {
            _inline.AppendRaw(inner);
            return;
        }

        if (inner[0] == ' ')
        {
            _inline.AppendSpace();
        }

        _inline.AppendRaw(mark + trimmed + mark);
        if (inner[^1] == ' ')
        {
            _inline.AppendSpace();
        }
    }

    private string RenderInline(IElement element)
    {
        Flush();
        _inlineOnly++;
        WriteChildren(element);
        _inlineOnly--;
        return _inline.TakeAll();
    }

    private void Flush()
    {
        var text = _inline.TakeAll();
        if (text.Length > 0)
        {
            _blocks.Emit(text);
        }
    }
}
