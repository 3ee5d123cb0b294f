using System.Text;

namespace Strata.Sources.Extractors.Html;

/// <summary>The running text of one Markdown block, with HTML whitespace collapsing applied as text arrives.</summary>
internal sealed class InlineBuffer
{
    private readonly StringBuilder _text = new();

    public int Mark() => _text.Length;

    /// <summary>Whether text brackets are escaped (inside link text, where they would end the link).</summary>
    public bool EscapeTextBrackets { get; set; }

    public void AppendText(string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                AppendSpace();
            }
            else if (c is '\u200B' or '\u00AD' or '\uFEFF')
            {
                continue;
            }
            else
            {
                if (EscapeTextBrackets && c is '[' or ']')
                {
                    _text.Append('\\');
                }

                _text.Append(c);
            }
        }
    }

    public void AppendSpace()
    {
        if (_text.Length > 0 && _text[^1] is not (' ' or '\n'))
        {
            _text.Append(' ');
        }
    }

    public void AppendLineBreak()
    {
        TrimEndSpaces();
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }

    public void AppendRaw(string text) => _text.Append(text);

    public void AppendCode(string code)
    {
        var collapsed = TextNormalizer.Collapse(code);
        if (collapsed.Length == 0)
        {
            return;
        }

        var fence = collapsed.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        var pad = fence.Length > 1 ? " " : string.Empty;
        _text.Append(fence).Append(pad).Append(collapsed).Append(pad).Append(fence);
    }

    /// <summary>Removes and returns the text appended since <paramref name="mark"/>.</summary>
    public string TakeSince(int mark)
    {
        var taken = _text.ToString(mark, _text.Length - mark);
        _text.Length = mark;
        return taken;
    }

    /// <summary>Removes and returns everything, trimmed line by line.</summary>
    public string TakeAll()
    {
        if (_text.Length == 0)
        {
            return string.Empty;
        }

        var raw = _text.ToString();
        _text.Clear();
        if (!raw.Contains('\n', StringComparison.Ordinal))
        {
            return raw.Trim();
        }

        var lines = raw.Split('\n');
        var builder = new StringBuilder(raw.Length);
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(trimmed);
        }

        return builder.ToString();
    }

    public static string EscapeBrackets(string text) =>
        text.Contains('[', StringComparison.Ordinal) || text.Contains(']', StringComparison.Ordinal)
            ? text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            : text;

    private void TrimEndSpaces()
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
        }
    }
}
