using System.Text;

namespace Strata.Sources.Imports.Markup;

/// <summary>
/// Buffered characters over a <see cref="TextReader"/> with look-ahead, two characters of look-behind and a line
/// count, so a tokenizer can scan spans instead of single characters. Not thread-safe.
/// </summary>
internal sealed class CharBuffer
{
    private const int BufferChars = 16 * 1024;
    private const int History = 2;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[BufferChars];
    private int _position;
    private int _length;

    public CharBuffer(TextReader reader) => _reader = reader;

    /// <summary>The 1-based line of the next character.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The character <paramref name="offset"/> ahead; call <see cref="Has"/> first.</summary>
    public char this[int offset] => _buffer[_position + offset];

    /// <summary>A character already passed (1: the last one), or NUL when not kept.</summary>
    public char Behind(int distance) => _position >= distance ? _buffer[_position - distance] : '\0';

    public bool StartsWith(string text) => Has(text.Length) && _buffer.AsSpan(_position, text.Length).SequenceEqual(text);

    /// <summary>Passes one character if there is one.</summary>
    public void Skip()
    {
        if (Has(1))
        {
            Pass(1);
        }
    }

    /// <summary>Passes <paramref name="count"/> characters known to be available.</summary>
    public void Pass(int count)
    {
        Line += _buffer.AsSpan(_position, count).Count('\n');
        _position += count;
    }

    /// <summary>Advances to the next <paramref name="stop"/> (not passing it), appending what it passes to <paramref name="sink"/>.</summary>
    public void ReadUntil(char stop, StringBuilder? sink)
    {
        while (Has(1))
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var index = span.IndexOf(stop);
            var chunk = index < 0 ? span : span[..index];
            sink?.Append(chunk);
            Pass(chunk.Length);
            if (index >= 0)
            {
                return;
            }
        }
    }

    public void SkipWhitespace()
    {
        while (Has(1) && char.IsWhiteSpace(_buffer[_position]))
        {
            Pass(1);
        }
    }

    /// <summary>Makes at least <paramref name="count"/> characters available; false when the input ends first.</summary>
    public bool Has(int count)
    {
        if (_length - _position >= count)
        {
            return true;
        }

        var start = _position - Math.Min(_position, History);
        Array.Copy(_buffer, start, _buffer, 0, _length - start);
        _length -= start;
        _position -= start;
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
}
