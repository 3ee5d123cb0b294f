using System.Text;
using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Reads a table's rows and decides whether it fits a Markdown table (no nested blocks).</summary>
internal static class TableLayout
{
    /// <summary>The cells of each row of <paramref name="table"/>, ignoring nested tables.</summary>
    public static List<List<IElement>> Rows(IElement table)
    {
        var rows = new List<List<IElement>>();
        CollectRows(table, rows);
        return rows;
    }

    /// <summary>True when every cell holds inline content only and the table has more than one cell.</summary>
    public static bool IsSimple(IElement table, List<List<IElement>> rows)
    {
        var cells = 0;
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                cells++;
                foreach (var element in cell.Descendants<IElement>())
                {
                    var tag = element.LocalName;
                    if (tag is not ("p" or "br") && HtmlTags.IsBlock(tag))
                    {
                        return false;
                    }
                }
            }
        }

        return cells > 1 && table.ParentElement is not null;
    }

    /// <summary>Formats rows as a Markdown table with the first row as its header.</summary>
    public static string Format(List<List<string>> rows)
    {
        var columns = 0;
        var hasText = false;
        foreach (var row in rows)
        {
            columns = Math.Max(columns, row.Count);
            hasText = hasText || row.Exists(cell => cell.Length > 0);
        }

        if (columns == 0 || !hasText)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            AppendRow(builder, rows[r], columns);
            if (r == 0)
            {
                builder.Append('\n').Append('|');
                for (var c = 0; c < columns; c++)
                {
                    builder.Append(" --- |");
                }
            }

            if (r < rows.Count - 1)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    private static void AppendRow(StringBuilder builder, List<string> row, int columns)
    {
        builder.Append('|');
        for (var c = 0; c < columns; c++)
        {
            builder.Append(' ').Append(c < row.Count ? row[c] : string.Empty).Append(" |");
        }
    }

    private static void CollectRows(IElement parent, List<List<IElement>> rows)
    {
        for (var child = parent.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            switch (child.LocalName)
            {
                case "thead" or "tbody" or "tfoot":
                    CollectRows(child, rows);
                    break;
                case "tr":
                    var cells = new List<IElement>();
                    for (var cell = child.FirstElementChild; cell is not null; cell = cell.NextElementSibling)
                    {
                        if (cell.LocalName is "td" or "th")
                        {
                            cells.Add(cell);
                        }
                    }

                    if (cells.Count > 0)
                    {
                        rows.Add(cells);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
