namespace Strata.Core.Text;

/// <summary>A text split into lines, plus whether its last line was terminated.</summary>
internal sealed record TextLines(string[] Lines, bool EndsWithNewline)
{
    public static TextLines Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        var endsWithNewline = start == text.Length;
        if (!endsWithNewline)
        {
            lines.Add(text[start..]);
        }

        return new TextLines([.. lines], endsWithNewline || text.Length == 0);
    }

    /// <summary>
    /// Symbol ids for both texts: equal lines share an id, except that an unterminated last line never equals a
    /// terminated one (as in <c>diff</c>).
    /// </summary>
    public static (int[] Old, int[] New) Ids(TextLines oldText, TextLines newText)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var unterminated = new Dictionary<string, int>(StringComparer.Ordinal);
        return (Map(oldText, ids, unterminated), Map(newText, ids, unterminated));
    }

    private static int[] Map(TextLines text, Dictionary<string, int> ids, Dictionary<string, int> unterminated)
    {
        var result = new int[text.Lines.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var table = i == result.Length - 1 && !text.EndsWithNewline ? unterminated : ids;
            if (!table.TryGetValue(text.Lines[i], out var id))
            {
                id = ids.Count + unterminated.Count;
                table[text.Lines[i]] = id;
            }

            result[i] = id;
        }

        return result;
    }
}
