using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Strata.Sources.Extractors.Docx;

/// <summary>Writes a Word table as a Markdown pipe table whose first row is the header. Thread-safe.</summary>
internal static class DocxTableWriter
{
    public static string Write(Table table, MainDocumentPart mainPart)
    {
        var rows = table.Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => CellText(c, mainPart)).ToList())
            .Where(r => r.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var width = rows.Max(r => r.Count);
        var builder = new StringBuilder();
        AppendRow(builder, rows[0], width);
        AppendRow(builder, Enumerable.Repeat("---", width).ToList(), width);
        foreach (var row in rows.Skip(1))
        {
            AppendRow(builder, row, width);
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static string CellText(TableCell cell, MainDocumentPart mainPart)
    {
        var paragraphs = cell.Descendants<Paragraph>()
            .Select(p => DocxInlineWriter.Write(p, mainPart))
            .Where(t => t.Length > 0);
        return string.Join("<br>", paragraphs).Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static void AppendRow(StringBuilder builder, List<string> cells, int width)
    {
        builder.Append('|');
        for (var i = 0; i < width; i++)
        {
            builder.Append(' ').Append(i < cells.Count ? cells[i] : string.Empty).Append(" |");
        }

        builder.Append('\n');
    }
}
