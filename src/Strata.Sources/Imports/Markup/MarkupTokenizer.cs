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
    private const int BufferChars = 16 * 1024;

    private readonly TextReader _reader;
    private readonly IReadOnlySet<string> _skipValuesOf;
    private readonly char[] _buffer = new char[BufferChars];
    private readonly StringBuilder _scratch = new();
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private int _position;
    private int _length;
    private int _line = 1;

    public MarkupTokenizer(TextReader reader, IReadOnlySet<string> skipValuesOf)
    {
        _reader = reader;
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
        while (true)
        {
            if (!Ensure(1))
            {
                return false;
            }

            Line = _line;
            if (_buffer[_position] == '<' && Ensure(2))
            {
                var next = _buffer[_position + 1];
                if (char.IsAsciiLetter(next))
                {
                    _position++;
                    ReadTag(MarkupTokenKind.StartTag);
                    return true;
                }

                if (next == '/')
                {
                    _position += 2;
                    ReadTag(MarkupTokenKind.EndTag);
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
    }

    private void ReadTag(MarkupTokenKind kind)
    {
        Kind = kind;
        Text = string.Empty;
        _attributes.Clear();
        Name = ReadName();
        while (true)
        {
            SkipWhitespace();
            if (!Ensure(1))
            {
                return;
            }

            var c = _buffer[_position];
            if (c == '>')
            {
                _position++;
                return;
            }

            if (c == '/' || c == '=' || c == '"' || c == '\'')
            {
                _position++;
                continue;
            }

            var attribute = ReadName();
            SkipWhitespace();
            if (Ensure(1) && _buffer[_position] == '=')
            {
                _position++;
                SkipWhitespace();
                var value = ReadAttributeValue(keep: !_skipValuesOf.Contains(attribute));
                _attributes.Add(new(attribute, value));
            }
            else
            {
                _attributes.Add(new(attribute, string.Empty));
            }
        }
    }

    private string ReadName()
    {
        _scratch.Clear();
        while (Ensure(1))
        {
            var c = _buffer[_position];
            if (char.IsWhiteSpace(c) || c is '>' or '=' or '/' or '<')
            {
                break;
            }

            _scratch.Append(char.ToLowerInvariant(c));
            _position++;
        }

        if (_scratch.Length == 0 && Ensure(1) && _buffer[_position] != '>')
        {
            _position++;
        }

        return _scratch.ToString();
    }

    private string ReadAttributeValue(bool keep)
    {
        _scratch.Clear();
        if (!Ensure(1))
        {
            return string.Empty;
        }

        var quote = _buffer[_position];
        if (quote is '"' or '\'')
        {
            _position++;
            ReadUntil(quote, keep ? _scratch : null);
            _position = Math.Min(_position + 1, _length);
        }
        else
        {
            while (Ensure(1) && !char.IsWhiteSpace(_buffer[_position]) && _buffer[_position] != '>')
            {
                _scratch.Append(_buffer[_position++]);
            }
        }

        return keep ? Decode(_scratch) : string.Empty;
    }

    private bool ReadText()
    {
        _scratch.Clear();
        while (Ensure(1))
        {
            ReadUntil('<', _scratch);
            if (!Ensure(1) || (Ensure(2) && IsMarkupStart(_buffer[_position + 1])))
            {
                break;
            }

            _scratch.Append('<');
            _position++;
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
        var isComment = Ensure(4) && _buffer.AsSpan(_position, 4).SequenceEqual("<!--");
        if (!isComment)
        {
            ReadUntil('>', sink: null);
            _position = Math.Min(_position + 1, _length);
            return;
        }

        _position += 4;
        while (Ensure(1))
        {
            ReadUntil('>', sink: null);
            if (!Ensure(1))
            {
                return;
            }

            var closesComment = _position >= 2 && _buffer[_position - 1] == '-' && _buffer[_position - 2] == '-';
            _position++;
            if (closesComment)
            {
                return;
            }
        }
    }

    /// <summary>Advances to the next <paramref name="stop"/> (not consuming it), appending what it passes to <paramref name="sink"/>.</summary>
    private void ReadUntil(char stop, StringBuilder? sink)
    {
        while (Ensure(1))
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var index = span.IndexOf(stop);
            var chunk = index < 0 ? span : span[..index];
            sink?.Append(chunk);
            _line += chunk.Count('\n');
            _position += chunk.Length;
            if (index >= 0)
            {
                return;
            }
        }
    }

    private void SkipWhitespace()
    {
        while (Ensure(1) && char.IsWhiteSpace(_buffer[_position]))
        {
            if (_buffer[_position] == '\n')
            {
                _line++;
            }

            _position++;
        }
    }

    /// <summary>Makes at least <paramref name="count"/> characters available; false when the input ends first.</summary>
    private bool Ensure(int count)
    {
        if (_length - _position >= count)
        {
            return true;
        }

        // Keep two characters of history so a comment's closing "--" can be seen across a refill.
        var keep = Math.Min(_position, 2);
        var start = _position - keep;
        Array.Copy(_buffer, start, _buffer, 0, _length - start);
        _length -= start;
        _position = keep;
        while (_length - _position < count)
        {
            var read = _reader.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                return false;
            }

            _length += read;
        }

        return true;
    }

    private static string Decode(StringBuilder builder)
    {
        var text = builder.ToString();
        return text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
    }
}
