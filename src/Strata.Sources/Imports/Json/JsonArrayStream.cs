using System.Text.Json;

namespace Strata.Sources.Imports.Json;

/// <summary>
/// Streams the elements of one JSON array (the document itself, or a property of the top-level object) as separate
/// small <see cref="JsonDocument"/>s, so a large export is never held whole. Finding the array happens at creation;
/// a missing array, malformed or truncated JSON throws <see cref="ImportException"/>. Not thread-safe.
/// </summary>
internal sealed class JsonArrayStream
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Stream _stream;
    private readonly string _formatName;
    private byte[] _buffer = new byte[ImportLimits.JsonBufferBytes];
    private int _start;
    private int _end;
    private long _offset;
    private bool _final;
    private bool _finished;
    private JsonReaderState _state = new(Options);

    private JsonArrayStream(Stream stream, ReadOnlySpan<byte> prefix, string formatName)
    {
        _stream = stream;
        _formatName = formatName;
        prefix.CopyTo(_buffer);
        _end = prefix.Length;
        SkipByteOrderMark();
    }

    private enum Step
    {
        Done,
        NeedMore,
        Finished,
    }

    /// <summary>Opens a stream whose document is an array; <paramref name="prefix"/> holds bytes already read from it.</summary>
    public static JsonArrayStream OpenArray(Stream stream, ReadOnlySpan<byte> prefix, string formatName)
    {
        var reader = new JsonArrayStream(stream, prefix, formatName);
        reader.Run(reader.EnterTopLevelArray);
        return reader;
    }

    /// <summary>Opens a stream whose document is an object with the array in property <paramref name="property"/>.</summary>
    public static JsonArrayStream OpenProperty(Stream stream, string property, string formatName)
    {
        var reader = new JsonArrayStream(stream, [], formatName);
        reader.Run(reader.EnterObject);
        while (reader.Run((ref Utf8JsonReader json) => reader.SkipToProperty(ref json, property)) != Step.Finished)
        {
        }

        return reader;
    }

    /// <summary>The next element, or null after the array's end. The caller disposes it.</summary>
    public JsonDocument? Next()
    {
        if (_finished)
        {
            return null;
        }

        JsonDocument? element = null;
        var step = Run((ref Utf8JsonReader json) => ReadElement(ref json, out element));
        _finished = step == Step.Finished;
        return element;
    }

    private delegate Step StepFunction(ref Utf8JsonReader reader);

    /// <summary>Runs one step over the buffered bytes, reading more until it completes; commits its progress.</summary>
    private Step Run(StepFunction step)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            Step result;
            try
            {
                result = step(ref reader);
            }
            catch (JsonException exception)
            {
                throw new ImportException(
                    $"not a valid {_formatName} export: malformed JSON near byte {_offset + reader.BytesConsumed}", exception);
            }

            if (result != Step.NeedMore)
            {
                _start += (int)reader.BytesConsumed;
                _offset += reader.BytesConsumed;
                _state = reader.CurrentState;
                return result;
            }

            if (_final)
            {
                throw new ImportException($"not a valid {_formatName} export: the JSON ends unexpectedly");
            }

            Fill();
        }
    }

    private Step EnterTopLevelArray(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return NeedMoreOrEmpty();
        }

        return reader.TokenType == JsonTokenType.StartArray
            ? Step.Done
            : throw new ImportException($"not a {_formatName} export: expected a JSON array, found {reader.TokenType}");
    }

    private Step EnterObject(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return NeedMoreOrEmpty();
        }

        return reader.TokenType == JsonTokenType.StartObject
            ? Step.Done
            : throw new ImportException($"not a {_formatName} export: expected a JSON object, found {reader.TokenType}");
    }

    /// <summary>Reads one property of the top-level object: Finished when it is the array wanted, Done when skipped.</summary>
    private Step SkipToProperty(ref Utf8JsonReader reader, string property)
    {
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            throw new ImportException($"not a {_formatName} export: the JSON object has no \"{property}\" array");
        }

        var wanted = reader.ValueTextEquals(property);
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (wanted && reader.TokenType == JsonTokenType.StartArray)
        {
            return Step.Finished;
        }

        return reader.TrySkip() ? Step.Done : Step.NeedMore;
    }

    private static Step ReadElement(ref Utf8JsonReader reader, out JsonDocument? element)
    {
        element = null;
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return Step.Finished;
        }

        var probe = reader;
        if (!probe.TrySkip())
        {
            return Step.NeedMore;
        }

        element = JsonDocument.ParseValue(ref reader);
        return Step.Done;
    }

    private Step NeedMoreOrEmpty() =>
        _final ? throw new ImportException($"not a {_formatName} export: the file is empty") : Step.NeedMore;

    private void Fill()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
        SkipByteOrderMark();
    }

    private void SkipByteOrderMark()
    {
        if (_offset == 0 && _start == 0 && _end >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
        {
            _start = 3;
            _offset = 3;
        }
    }
}
