using System.Text;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// The Markdown document being built, one block at a time: blank lines between blocks, single newlines
/// between list items, and the line prefixes of quotes (<c>&gt; </c>) and list nesting.
/// </summary>
internal sealed class BlockOutput
{
    private readonly StringBuilder _output = new();
    private string _lastIndent = string.Empty;

    /// <summary>Prefix of every line of the next blocks (quote markers, list indentation).</summary>
    public string Indent { get; set; } = string.Empty;

    /// <summary>Prefix of the first line of the next block only (a list marker), then cleared.</summary>
    public string? Marker { get; set; }

    /// <summary>Whether the next block follows the previous one without a blank line.</summary>
    public bool Tight { get; set; }

    public void Emit(string text)
    {
        if (_output.Length > 0)
        {
            _output.Append('\n');
            if (!Tight)
            {
                _output.Append(CommonPrefix(_lastIndent, Indent).TrimEnd()).Append('\n');
            }
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                _output.Append('\n');
            }

            var prefix = i == 0 ? Marker ?? Indent : Indent;
            _output.Append(lines[i].Length == 0 ? prefix.TrimEnd() : prefix + lines[i]);
        }

        Marker = null;
        Tight = false;
        _lastIndent = Indent;
    }

    public override string ToString() => _output.ToString().Trim();

    private static string CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return a[..length];
    }
}
