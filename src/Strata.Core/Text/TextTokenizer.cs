namespace Strata.Core.Text;

/// <summary>
/// Splits text into search tokens with their offsets in the original text, without allocating per token.
/// Words (letters and digits of any non-CJK script) are lower-cased invariantly, Latin diacritics are folded
/// (<c>é</c> → <c>e</c>), fullwidth ASCII becomes ASCII, and apostrophes inside words are dropped
/// (<c>don't</c> → <c>dont</c>). A run of CJK characters (Han, kana, Hangul) becomes overlapping bigrams
/// followed by its last character alone (<c>知识库</c> → <c>知识</c>, <c>识库</c>, <c>库</c>); a run of one
/// character yields just that character. Surrogate pairs count as one character.
/// </summary>
/// <remarks>
/// Use with <c>foreach</c>. The <see cref="TextToken.Text"/> of a word points into the text or into a buffer
/// reused for the next token. Words longer than <see cref="MaxWordLength"/> characters keep only their first
/// <see cref="MaxWordLength"/> characters (the offsets still cover the whole word). Never throws.
/// </remarks>
public ref struct TextTokenizer
{
    /// <summary>Longest normalised word kept; the rest of a longer word is dropped.</summary>
    public const int MaxWordLength = 64;

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;
    private int _runCursor;
    private int _runEnd;
    private bool _runEmittedBigram;

    public TextTokenizer(ReadOnlySpan<char> text)
        : this(text, new char[MaxWordLength])
    {
    }

    /// <summary>Tokenizes <paramref name="text"/> using <paramref name="buffer"/> (at least <see cref="MaxWordLength"/> long) for words.</summary>
    public TextTokenizer(ReadOnlySpan<char> text, Span<char> buffer)
    {
        if (buffer.Length < MaxWordLength)
        {
            throw new ArgumentException($"The buffer must hold at least {MaxWordLength} characters.", nameof(buffer));
        }

        _text = text;
        _buffer = buffer;
        _runEnd = -1;
    }

    public TextToken Current { get; private set; }

    public readonly TextTokenizer GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_runEnd >= 0)
        {
            return NextInRun();
        }

        var text = _text;
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c < 128)
            {
                if (CharClasses.AsciiWordChar(c) != '\0')
                {
                    ReadWord();
                    return true;
                }

                _position++;
                continue;
            }

            var width = CodePointAt(text, _position, out var cp);
            if (CharClasses.IsCjk(cp))
            {
                StartRun(width);
                return NextInRun();
            }

            if (width == 1 ? CharClasses.IsWordChar(c) && !CharClasses.IsNonSpacingMark(c) : CharClasses.IsWordCodePoint(cp))
            {
                ReadWord();
                return true;
            }

            _position += width;
        }

        return false;
    }

    private static int CodePointAt(ReadOnlySpan<char> text, int index, out int cp)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            cp = char.ConvertToUtf32(c, text[index + 1]);
            return 2;
        }

        cp = c;
        return 1;
    }

    private void ReadWord()
    {
        if (ReadPlainWord())
        {
            return;
        }

        var text = _text;
        var start = _position;
        var length = 0;
        var lastBase = '\0';
        var i = _position;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                var lower = CharClasses.AsciiWordChar(c);
                if (lower == '\0')
                {
                    if (c == '\'' && IsWordContinuation(text, i + 1))
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                lastBase = lower;
                if (length < MaxWordLength)
                {
                    _buffer[length++] = lower;
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                var width = CodePointAt(text, i, out var cp);
                if (width == 1 || CharClasses.IsCjk(cp) || !CharClasses.IsWordCodePoint(cp))
                {
                    break;
                }

                if (length + 2 <= MaxWordLength)
                {
                    _buffer[length++] = c;
                    _buffer[length++] = text[i + 1];
                }

                i += 2;
                continue;
            }

            if (CharClasses.IsApostrophe(c) && IsWordContinuation(text, i + 1))
            {
                i++;
                continue;
            }

            if (CharClasses.IsCjk(c) || !CharClasses.IsWordChar(c))
            {
                break;
            }

            if (lastBase < '\u0250' && CharClasses.IsNonSpacingMark(c))
            {
                i++;
                continue;
            }

            var folded = CharClasses.FoldNonAscii(c);
            lastBase = folded;
            if (length < MaxWordLength)
            {
                _buffer[length++] = folded;
            }

            i++;
        }

        _position = i;
        Current = new TextToken(_buffer[..length], start, i - start, TextTokenKind.Word, isRunTail: false);
    }

    /// <summary>
    /// The common case without copying: a word of lower-case ASCII letters and digits, ended by ASCII that is not a
    /// word character or an apostrophe, is its own normalised form, so the token points into the text. Anything
    /// else (capitals, apostrophes, other scripts, over-long words) returns false for the general loop.
    /// </summary>
    private bool ReadPlainWord()
    {
        var text = _text;
        var start = _position;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= 128)
            {
                return false;
            }

            var lower = CharClasses.AsciiWordChar(c);
            if (lower == '\0')
            {
                if (c == '\'')
                {
                    return false;
                }

                break;
            }

            if (lower != c)
            {
                return false;
            }

            i++;
        }

        var length = i - start;
        if (length > MaxWordLength)
        {
            return false;
        }

        _position = i;
        Current = new TextToken(text.Slice(start, length), start, length, TextTokenKind.Word, isRunTail: false);
        return true;
    }

    private readonly bool IsWordContinuation(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return false;
        }

        var c = text[index];
        if (c < 128)
        {
            return CharClasses.AsciiWordChar(c) != '\0';
        }

        var width = CodePointAt(text, index, out var cp);
        return !CharClasses.IsCjk(cp) && (width == 1 ? CharClasses.IsWordChar(c) : CharClasses.IsWordCodePoint(cp));
    }

    private void StartRun(int firstWidth)
    {
        var text = _text;
        var end = _position + firstWidth;
        while (end < text.Length && text[end] >= '\u1100')
        {
            var width = CodePointAt(text, end, out var cp);
            if (!CharClasses.IsCjk(cp))
            {
                break;
            }

            end += width;
        }

        _runCursor = _position;
        _runEnd = end;
        _runEmittedBigram = false;
    }

    private bool NextInRun()
    {
        var text = _text;
        var first = CodePointAt(text, _runCursor, out _);
        var afterFirst = _runCursor + first;
        if (afterFirst >= _runEnd)
        {
            Current = new TextToken(text.Slice(_runCursor, first), _runCursor, first, TextTokenKind.Cjk, _runEmittedBigram);
            _position = _runEnd;
            _runEnd = -1;
            return true;
        }

        var second = CodePointAt(text, afterFirst, out _);
        Current = new TextToken(text.Slice(_runCursor, first + second), _runCursor, first + second, TextTokenKind.Cjk, isRunTail: false);
        _runCursor = afterFirst;
        _runEmittedBigram = true;
        return true;
    }
}
