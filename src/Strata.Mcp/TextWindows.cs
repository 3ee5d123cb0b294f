using ModelContextProtocol;
using Strata.Mcp.Results;

namespace Strata.Mcp;

/// <summary>Cuts long text into windows that say where the next one starts.</summary>
public static class TextWindows
{
    /// <summary>
    /// The text from <paramref name="offset"/> up to <paramref name="end"/> (the text's end when null), at most
    /// <paramref name="maxChars"/> characters; when more remains, the continuation names the call that gets it.
    /// </summary>
    /// <exception cref="McpException">The offset or size is out of range.</exception>
    public static TextWindow Slice(string text, int offset, int? end, int? maxChars, string nextCall)
    {
        var limit = end ?? text.Length;
        if (offset < 0 || offset > limit)
        {
            throw new McpException($"offset {offset} is outside the text (0–{limit})");
        }

        var size = CheckedSize(maxChars);
        var length = Math.Min(size, limit - offset);
        // Never split a surrogate pair: a lone half would not survive JSON.
        if (length > 0 && offset + length < text.Length && char.IsHighSurrogate(text[offset + length - 1]))
        {
            length--;
        }

        var next = offset + length;
        var truncated = next < limit;
        return new TextWindow(
            text.Substring(offset, length), offset, length, text.Length, truncated, truncated ? next : null,
            truncated ? $"truncated: this is characters {offset}–{next} of {limit}; call {nextCall} with offset={next} for the rest" : null);
    }

    /// <summary>The requested size, defaulted and checked.</summary>
    /// <exception cref="McpException">The size is not between 1 and <see cref="McpLimits.MaxTextChars"/>.</exception>
    public static int CheckedSize(int? maxChars)
    {
        var size = maxChars ?? McpLimits.DefaultTextChars;
        return size is < 1 or > McpLimits.MaxTextChars
            ? throw new McpException($"maxChars must be between 1 and {McpLimits.MaxTextChars}")
            : size;
    }
}
