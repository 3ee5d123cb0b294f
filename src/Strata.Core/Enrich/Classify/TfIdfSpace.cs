namespace Strata.Core.Enrich.Classify;

/// <summary>
/// A vocabulary with inverse document frequencies, learned from training texts: maps feature counts to
/// L2-normalised TF-IDF vectors with sublinear term frequency (1 + ln tf) and smoothed idf (as scikit-learn's
/// <c>TfidfVectorizer(sublinear_tf=True)</c>).
/// </summary>
public sealed class TfIdfSpace
{
    /// <summary>Features seen in fewer documents carry no generalisable evidence.</summary>
    public const int MinDocumentFrequency = 2;

    /// <summary>At most this many features (the most frequent) are kept, bounding model size.</summary>
    public const int MaxFeatures = 1 << 17;

    private readonly Dictionary<string, int> _index;

    public TfIdfSpace(string[] features, float[] idf, string[] surfaces)
    {
        Features = features;
        Idf = idf;
        Surfaces = surfaces;
        _index = new Dictionary<string, int>(features.Length, StringComparer.Ordinal);
        for (var index = 0; index < features.Length; index++)
        {
            _index[features[index]] = index;
        }
    }

    public string[] Features { get; }

    public float[] Idf { get; }

    /// <summary>A word as written for each feature (the stem itself for CJK), for explanations.</summary>
    public string[] Surfaces { get; }

    public int Dimensions => Features.Length;

    public static TfIdfSpace Fit(IReadOnlyList<Dictionary<string, int>> documents, IReadOnlyDictionary<string, string>? surfaces = null)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var feature in document.Keys)
            {
                documentFrequency[feature] = documentFrequency.GetValueOrDefault(feature) + 1;
            }
        }

        var minimum = documents.Count < 20 ? 1 : MinDocumentFrequency;
        var kept = documentFrequency.Where(pair => pair.Value >= minimum)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxFeatures).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        var features = kept.Select(pair => pair.Key).ToArray();
        var idf = kept.Select(pair => (float)(Math.Log((1.0 + documents.Count) / (1.0 + pair.Value)) + 1.0)).ToArray();
        var surfaceForms = features.Select(feature => surfaces?.GetValueOrDefault(feature) ?? feature).ToArray();
        return new TfIdfSpace(features, idf, surfaceForms);
    }

    public SparseVector Transform(Dictionary<string, int> counts)
    {
        var entries = new List<(int Index, float Value)>(counts.Count);
        var norm = 0.0;
        foreach (var (feature, count) in counts)
        {
            if (_index.TryGetValue(feature, out var index))
            {
                var value = (float)((1.0 + Math.Log(count)) * Idf[index]);
                entries.Add((index, value));
                norm += value * value;
            }
        }

        if (entries.Count == 0)
        {
            return SparseVector.Empty;
        }

        entries.Sort((a, b) => a.Index.CompareTo(b.Index));
        var scale = (float)(1.0 / Math.Sqrt(norm));
        var indices = new int[entries.Count];
        var values = new float[entries.Count];
        for (var position = 0; position < entries.Count; position++)
        {
            indices[position] = entries[position].Index;
            values[position] = entries[position].Value * scale;
        }

        return new SparseVector(indices, values);
    }
}
