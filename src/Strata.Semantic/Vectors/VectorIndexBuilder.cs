namespace Strata.Semantic.Vectors;

/// <summary>
/// Builds a <see cref="VectorIndex"/> row by row as vectors stream from the store, holding only the form the
/// index keeps: float32 rows, or int8 rows plus the float32 rows for rescoring written to a mapped file in
/// <see cref="VectorIndexOptions.RowFolder"/> (in memory when no folder is given).
/// </summary>
public sealed class VectorIndexBuilder : IDisposable
{
    private readonly int _dimensions;
    private readonly VectorIndexOptions _options;
    private readonly List<int> _owners;
    private readonly Int8Vectors? _quantized;
    private readonly MappedFloatRows.Writer? _rowFile;
    private float[] _floats = [];

    public VectorIndexBuilder(int dimensions, int capacity, VectorIndexOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        _dimensions = dimensions;
        _options = options;
        _owners = new List<int>(Math.Max(capacity, 1));
        var keepFloats = !options.Int8 || options.RescoreFactor > 0;
        if (options.Int8)
        {
            _quantized = new Int8Vectors(dimensions, capacity);
            if (keepFloats && options.RowFolder is not null)
            {
                _rowFile = MappedFloatRows.Create(options.RowFolder, dimensions);
            }
        }

        if (keepFloats && _rowFile is null)
        {
            _floats = new float[Math.Max(capacity, 1) * dimensions];
        }
    }

    public int Dimensions => _dimensions;

    public int Count => _owners.Count;

    public void Add(ReadOnlySpan<float> vector, int owner)
    {
        if (vector.Length != _dimensions)
        {
            throw new ArgumentException($"a vector of {vector.Length} dimensions in an index of {_dimensions}");
        }

        _quantized?.Add(vector);
        if (_rowFile is not null)
        {
            _rowFile.Add(vector);
        }
        else if (_floats.Length > 0)
        {
            if ((Count + 1) * _dimensions > _floats.Length)
            {
                Array.Resize(ref _floats, _floats.Length * 2); // rows added since the count was taken
            }

            vector.CopyTo(_floats.AsSpan(Count * _dimensions));
        }

        _owners.Add(owner);
    }

    public VectorIndex Build()
    {
        var owners = _owners.ToArray();
        var floats = _floats.Length <= owners.Length * _dimensions ? _floats : _floats[..(owners.Length * _dimensions)];
        if (_quantized is null)
        {
            return new VectorIndex(_dimensions, floats, owners);
        }

        _quantized.Trim();
        IFloatRows? rescore = _options.RescoreFactor <= 0 ? null : _rowFile is not null ? _rowFile.Map() : new InMemoryFloatRows(floats, _dimensions);
        return new VectorIndex(_dimensions, _quantized, owners, rescore, _options.RescoreFactor);
    }

    public void Dispose() => _rowFile?.Dispose();
}

/// <summary>How a <see cref="VectorIndex"/> holds and scores its rows.</summary>
/// <param name="Int8">Scan int8 rows (a quarter of the memory); false: scan float32 rows held in memory.</param>
/// <param name="RescoreFactor">With int8: rescore the best <c>k × factor</c> with float32 vectors (0: int8 scores only).</param>
/// <param name="RowFolder">With int8 and rescoring: where the float32 rows are written and memory-mapped (null: kept in memory).</param>
public sealed record VectorIndexOptions(bool Int8 = true, int RescoreFactor = VectorIndexOptions.DefaultRescoreFactor, string? RowFolder = null)
{
    public const int DefaultRescoreFactor = 4;
}
