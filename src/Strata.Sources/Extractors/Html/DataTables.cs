using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Tells data tables (kept whole) from layout tables (cleaned like any container), as Readability does.</summary>
internal static class DataTables
{
    private const int ManyRows = 10;
    private const int ManyColumns = 4;
    private const int ManyCells = 10;

    public static HashSet<IElement> Find(IEnumerable<IElement> tables)
    {
        var data = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var table in tables)
        {
            if (IsDataTable(table))
            {
                data.Add(table);
            }
        }

        return data;
    }

    private static bool IsDataTable(IElement table)
    {
        if (table.GetAttribute("role") == "presentation" || table.GetAttribute("datatable") == "0")
        {
            return false;
        }

        if (table.HasAttribute("summary"))
        {
            return true;
        }

        var rows = 0;
        var columns = 0;
        foreach (var element in table.Descendants<IElement>())
        {
            switch (element.LocalName)
            {
                case "caption" when element.ChildNodes.Length > 0:
                case "col" or "colgroup" or "tfoot" or "thead" or "th":
                    return true;
                case "table":
                    return false;
                case "tr":
                    rows += SpanOf(element, "rowspan");
                    var cells = 0;
                    for (var cell = element.FirstElementChild; cell is not null; cell = cell.NextElementSibling)
                    {
                        cells += cell.LocalName == "td" ? SpanOf(cell, "colspan") : 0;
                    }

                    columns = Math.Max(columns, cells);
                    break;
                default:
                    break;
            }
        }

        return rows >= ManyRows || columns > ManyColumns || rows * columns > ManyCells;
    }

    private static int SpanOf(IElement element, string attribute) =>
        int.TryParse(element.GetAttribute(attribute), out var span) && span > 0 ? span : 1;
}
