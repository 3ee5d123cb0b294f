namespace Strata.Core.Text;

/// <summary>
/// A bounded, process-wide table of words with a value each, numbered in order of addition: a <see cref="WordIdMap"/>
/// finds a word's id in one slot read, and the values sit in an array by id. Lookups take no lock; additions do.
/// </summary>
public sealed class WordTable<T>(int maxCount)
{
    private readonly WordIdMap _ids = new(maxCount);
    private readonly Lock _addLock = new();
    private T[] _values = new T[1 << 10];
    private int _count;

    /// <summary>The value of word <paramref name="id"/>.</summary>
    public T this[int id] => Volatile.Read(ref _values)[id];

    /// <summary>The id of <paramref name="word"/>, if it was added.</summary>
    public bool TryGetId(ReadOnlySpan<char> word, out int id) => _ids.TryGetValue(word, out id);

    /// <summary>The id of <paramref name="word"/>, adding it with <paramref name="create"/>'s value when new; -1 once the table is full.</summary>
    public int GetOrAdd(ReadOnlySpan<char> word, Func<string, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (_ids.TryGetValue(word, out var id))
        {
            return id;
        }

        lock (_addLock)
        {
            if (_ids.TryGetValue(word, out id))
            {
                return id;
            }

            if (_count >= maxCount)
            {
                return -1;
            }

            if (_count == _values.Length)
            {
                var grown = new T[_values.Length * 2];
                _values.AsSpan().CopyTo(grown);
                Volatile.Write(ref _values, grown);
            }

            // The value is stored before the id is published, so whoever finds the id finds its value.
            _values[_count] = create(word.ToString());
            _ids.GetOrAdd(word, _count);
            return _count++;
        }
    }
}
