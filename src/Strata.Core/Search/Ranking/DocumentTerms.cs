using Strata.Core.Storage;

namespace Strata.Core.Search.Ranking;

/// <summary>
/// One analysed document as the ranked index files it: its distinct terms (common grams included, see
/// <see cref="CommonGrams"/>), each with its title, body and tag counts and its word positions (title positions,
/// then body, then tags, each ascending). Computed where the document is analysed, on the pipeline's parallel
/// workers, so the single index writer only files each distinct term into its segment instead of tokenising
/// every word (a fifth of the writer's CPU when it did).
/// </summary>
public sealed partial class DocumentTerms
{
    private const int Columns = 3;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly int[] _counts;
    private readonly int[] _positions;

    private readonly int[] _hashes;

    private DocumentTerms(string[] terms, int[] hashes, int[] counts, int[] positions, int length)
    {
        Terms = terms;
        _hashes = hashes;
        _counts = counts;
        _positions = positions;
        Length = length;
    }

    /// <summary>The distinct terms, in order of first occurrence.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>
    /// Each term's <see cref="string.GetHashCode()"/> (this process's), computed once per term of the process's
    /// vocabulary rather than once per document, for the index writer's term table.
    /// </summary>
    public ReadOnlySpan<int> TermHashes => _hashes;

    /// <summary>Three counts per term: title, body, tags.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>Each term's positions, the terms one after another in <see cref="Terms"/> order.</summary>
    public ReadOnlySpan<int> Positions => _positions;

    /// <summary>The document's length in tokens over all columns (grams not counted), as BM25 normalises it.</summary>
    public int Length { get; }

    /// <summary>Tokenises the analysed columns of <paramref name="document"/>.</summary>
    public static DocumentTerms From(IndexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scratch = t_scratch ??= new Scratch();
        scratch.Reset();
        var length = scratch.TokenizeAnalysed(document.Title, 0) + scratch.TokenizeAnalysed(document.Body, 1) + scratch.TokenizeAnalysed(document.Tags, 2);
        return scratch.Collect(length);
    }

    /// <summary>
    /// The same terms as <see cref="From"/> of <see cref="IndexStep.Describe"/>, analysed straight from the raw
    /// columns: no analysed text is built and split again, and each word is looked up once in a per-thread
    /// vocabulary that remembers its analysed term.
    /// </summary>
    public static DocumentTerms Analyse(string? title, string? text, IEnumerable<string> tagNames)
    {
        ArgumentNullException.ThrowIfNull(tagNames);
        var scratch = t_scratch ??= new Scratch();
        scratch.Reset();
        var length = scratch.TokenizeRaw(title ?? string.Empty, 0) + scratch.TokenizeRaw(text ?? string.Empty, 1)
            + scratch.TokenizeRaw(IndexStep.TagText(tagNames), 2);
        return scratch.Collect(length);
    }
}
