using System.Text;

namespace Strata.Core.Memory;

/// <summary>Finds a quoted passage in an item's text: exactly, else ignoring differences in whitespace and case.</summary>
public static class PassageLocator
{
    /// <summary>Start and end (exclusive) of <paramref name="passage"/> in <paramref name="text"/>; nulls when it is not there.</summary>
    public static (int? Start, int? End) Find(string text, string passage)
    {
        var needle = passage.Trim();
        if (needle.Length == 0 || text.Length == 0)
        {
            return (null, null);
        }

        var exact = text.IndexOf(needle, StringComparison.Ordinal);
        if (exact >= 0)
        {
            return (exact, exact + needle.Length);
        }

        // Collapse whitespace in the text while remembering where each kept character was.
        var collapsed = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (collapsed.Length > 0 && collapsed[^1] != ' ')
                {
                    collapsed.Append(' ');
                    origin.Add(i);
                }

                continue;
            }

            collapsed.Append(char.ToLowerInvariant(text[i]));
            origin.Add(i);
        }

        var wanted = string.Join(' ', needle.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var at = collapsed.ToString().IndexOf(wanted, StringComparison.Ordinal);
        return at < 0 ? (null, null) : (origin[at], origin[at + wanted.Length - 1] + 1);
    }
}
