namespace Strata.Semantic.Vectors;

/// <summary>Exact float32 rows the int8 scan's candidates are rescored from (kept outside the scanned index).</summary>
public interface IFloatRows : IDisposable
{
    /// <summary>Writes the exact dot product of each of <paramref name="rows"/> with <paramref name="query"/> into <paramref name="scores"/>.</summary>
    void Score(ReadOnlySpan<int> rows, ReadOnlySpan<float> query, Span<float> scores);
}
