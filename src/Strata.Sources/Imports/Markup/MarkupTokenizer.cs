using System.Net;
using System.Text;

namespace Strata.Sources.Imports.Markup;

/// <summary>
/// A forgiving, streaming tokenizer for the loose HTML of bookmark exports: start tags with attributes, end tags and
/// non-blank text, entities decoded; comments, doctypes and processing instructions skipped. It never throws for bad
/// markup and keeps only one token in memory. Values of attributes named in <c>skipValuesOf</c> (such as megabyte
/// <c>ICON</c> data URLs) are not kept. Not thread-safe.
/// </summary>
internal sealed class MarkupTokenizer
{
    private readonly CharBuffer _input;
    private readonly IReadOnlySet<string> _skipValuesOf;
    private readonly StringBuilder _scratch = new();
    private readonly List<KeyValuePair<string, string>> _attributes = [];

    public MarkupTokenizer(TextReader reader, IReadOnlySet<string> skipValuesOf)
    {
        _input = new CharBuffer(reader);
        _skipValuesOf = skipValuesOf;
    }

    public MarkupTokenKind Kind { get; private set; }

    /// <summary>Lower-cased tag name for tags; empty for text.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Decoded, trimmed text for text tokens.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>The 1-based line the current token starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The decoded value of the current tag's attribute (name in lower case), or null.</summary>
    public string? Attribute(string lowerName)
    {
        foreach (var pair in _attributes)
        {
            if (pair.Key == lowerName)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Moves to the next token; false at the end of the input.</summary>
    public bool Next()
    {
        while (_input.Has(1))
        {
            Line = _input.Line;
            if (_input[0] == '<' && _input.Has(2))
            {
                var next = _input[1];
                if (char.IsAsciiLetter(next) || next == '/')
                {
                    _input.Pass(next == '/' ? 2 : 1);
                    ReadTag(next == '/' ? MarkupTokenKind.EndTag : MarkupTokenKind.StartTag);
                    return true;
                }

                if (next is '!' or '?')
                {
                    SkipDeclaration();
                    continue;
                }
            }

            if (ReadText())
            {
                return true;
            }
        }

        return false;
    }

    private void ReadTag(MarkupTokenKind kind)
    {
        Kind = kind;
        Text = string.Empty;
        _attributes.Clear();
        Name = ReadName();
        while (true)
        {
            _input.SkipWhitespace();
            if (!_input.Has(1))
            {
                return;
            }

            var c = _input[0];
            if (c == '>' || c is '/' or '=' or '"' or '\'')
            {
                _input.Pass(1);
                if (c == '>')
                {
                    return;
                }

                continue;
            }

            var attribute = ReadName();
            _input.SkipWhitespace();
            var hasValue = _input.Has(1) && _input[0] == '=';
            if (hasValue)
            {
                _input.Pass(1);
                _input.SkipWhitespace();
            }

            _attributes.Add(new(attribute, hasValue ? ReadAttributeValue(keep: !_skipValuesOf.Contains(attribute)) : string.Empty));
        }
    }

    private string ReadName()
    {
        _scratch.Clear();
        while (_input.Has(1))
        {
            var c = _input[0];
            if (char.IsWhiteSpace(c) || c is '>' or '=' or '/' or '<')
            {
                break;
            }

            _scratch.Append(char.ToLowerInvariant(c));
            _input.Pass(1);
        }

        if (_scratch.Length == 0 && _input.Has(1) && _input[0] != '>')
        {
            _input.Pass(1);
        }

        return _scratch.ToString();
    }

    private string ReadAttributeValue(bool keep)
    {
        _scratch.Clear();
        if (!_input.Has(1))
        {
            return string.Empty;
        }

        var quote = _input[0];
        if (quote is '"' or '\'')
        {
            _input.Pass(1);
            _input.ReadUntil(quote, keep ? _scratch : null);
            _input.Skip();
        }
        else
        {
            while (_input.Has(1) && !char.IsWhiteSpace(_input[0]) && _input[0] != '>')
            {
                _scratch.Append(_input[0]);
                _input.Pass(1);
            }
        }

        return keep ? Decode(_scratch) : string.Empty;
    }

    private bool ReadText()
    {
        _scratch.Clear();
        while (_input.Has(1))
        {
            _input.ReadUntil('<', _scratch);
            if (!_input.Has(1) || (_input.Has(2) && IsMarkupStart(_input[1])))
            {
                break;
            }

            _scratch.Append('<');
            _input.Pass(1);
        }

        var text = Decode(_scratch).Trim();
        if (text.Length == 0)
        {
            return false;
        }

        Kind = MarkupTokenKind.Text;
        Name = string.Empty;
        Text = text;
        _attributes.Clear();
        return true;
    }

    private static bool IsMarkupStart(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    private void SkipDeclaration()
    {
        var isComment = _input.StartsWith("<!--");
        _input.Pass(isComment ? 4 : 2);
        while (_input.Has(1))
        {
            _input.ReadUntil('>', sink: null);
            var closes = !isComment || (_input.Behind(1) == '-' && _input.Behind(2) == '-');
            _input.Skip();
            if (closes)
            {
                return;
            }
        }
    }

    private static string Decode(StringBuilder builder)
    {
        var text = builder.ToString();
        return text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
    }
}
