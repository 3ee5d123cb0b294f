using System.Text;

namespace Strata.Sources.Imports.Readwise;

/// <summary>
/// Splits Readwise Reader's <c>Document tags</c> cell: a Python list literal (<c>['ai', "it's"]</c>) or plain
/// comma-separated names. Never throws; an unterminated quote ends at the end of the cell. Pure.
/// </summary>
internal static class ReadwiseTagList
{
    public static void AddTo(TagList tags, string? cell)
    {
        var text = cell?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.Length >= 2 && text[0] == '[' && text[^1] == ']')
        {
            AddPythonList(tags, text[1..^1]);
        }
        else
        {
            tags.AddSplit(text, ',');
        }
    }

    private static void AddPythonList(TagList tags, string inner)
    {
        var current = new StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c is '\'' or '"')
            {
                i = ReadQuoted(inner, i, current);
            }
            else if (c == ',')
            {
                tags.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        tags.Add(current.ToString());
    }

    /// <summary>Appends the quoted string starting at <paramref name="start"/>; returns the index of its closing quote.</summary>
    private static int ReadQuoted(string text, int start, StringBuilder sink)
    {
        var quote = text[start];
        var i = start + 1;
        for (; i < text.Length && text[i] != quote; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            sink.Append(text[i]);
        }

        return i;
    }
}
