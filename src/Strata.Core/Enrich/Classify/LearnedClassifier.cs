using System.IO.Compression;
using System.Text;

namespace Strata.Core.Enrich.Classify;

/// <summary>A document to learn from: its text and the labels the user gave it.</summary>
/// <param name="Title">Title (counts double).</param>
/// <param name="Text">Body text.</param>
/// <param name="Tags">The user's tags.</param>
/// <param name="Category">The category, when one was set by the user, a source or a rule.</param>
/// <param name="RejectedTags">Tags the user rejected for this document (strong negatives).</param>
public sealed record LabelledDocument(string? Title, string? Text, IReadOnlyCollection<string> Tags, string? Category = null, IReadOnlyCollection<string>? RejectedTags = null);

/// <summary>A learned tag or category with its probability and the features that argued for it.</summary>
public sealed record LearnedLabel(string Label, double Confidence, IReadOnlyList<FeatureWeight> Evidence);

/// <summary>A feature (as written in the text) and how much it contributed.</summary>
public sealed record FeatureWeight(string Feature, double Weight);

/// <summary>
/// The classifier trained on the user's own labels: a TF-IDF space plus one-vs-rest logistic regressions for
/// tags (multi-label) and for categories (the most probable one wins). Immutable and thread-safe.
/// </summary>
public sealed class LearnedClassifier(TfIdfSpace space, OneVsRestModel tags, OneVsRestModel categories)
{
    private const int FormatVersion = 1;

    public TfIdfSpace Space { get; } = space;

    public OneVsRestModel Tags { get; } = tags;

    public OneVsRestModel Categories { get; } = categories;

    public int DocumentCount { get; init; }

    public static LearnedClassifier Train(IReadOnlyList<LabelledDocument> documents, ClassifierTrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ClassifierTrainingOptions();
        // The same labelled documents give the same model whatever order the store returns them in.
        documents = documents.OrderBy(document => document.Title, StringComparer.Ordinal).ThenBy(document => document.Text, StringComparer.Ordinal).ToArray();
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>[documents.Count];
        for (var index = 0; index < documents.Count; index++)
        {
            counts[index] = FeatureCounter.Count(documents[index].Title, documents[index].Text, surfaces);
        }

        var space = TfIdfSpace.Fit(counts, surfaces);
        var vectors = new SparseVector[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, index => vectors[index] = space.Transform(counts[index]));

        // Tags are learned from documents the user tagged (or judged); one that only has a category says nothing about tags.
        var tagged = Enumerable.Range(0, documents.Count).Where(index => documents[index].Tags.Count > 0 || documents[index].RejectedTags is { Count: > 0 }).ToArray();
        var tags = OneVsRestModel.Train(tagged.Select(index => vectors[index]).ToArray(), tagged.Select(index => documents[index].Tags).ToArray(),
            tagged.Select(index => documents[index].RejectedTags ?? []).ToArray(), space.Dimensions, options, cancellationToken);

        // Categories are learned only from documents that have one.
        var categorised = Enumerable.Range(0, documents.Count).Where(index => documents[index].Category is not null).ToArray();
        var categories = OneVsRestModel.Train(categorised.Select(index => vectors[index]).ToArray(),
            categorised.Select(index => (IReadOnlyCollection<string>)[documents[index].Category!]).ToArray(), null, space.Dimensions, options, cancellationToken);
        return new LearnedClassifier(space, tags, categories) { DocumentCount = documents.Count };
    }

    public SparseVector Vectorize(string? title, string? text) => Space.Transform(FeatureCounter.Count(title, text));

    /// <summary>Every tag at or above <paramref name="minimum"/> probability, most probable first.</summary>
    public IReadOnlyList<LearnedLabel> PredictTags(SparseVector vector, double minimum, int evidence = 0)
    {
        var probabilities = Tags.Predict(vector);
        var labels = new List<LearnedLabel>();
        for (var label = 0; label < probabilities.Length; label++)
        {
            if (probabilities[label] >= minimum)
            {
                labels.Add(new LearnedLabel(Tags.Labels[label], probabilities[label], Evidence(Tags, vector, label, evidence)));
            }
        }

        return labels.OrderByDescending(label => label.Confidence).ToArray();
    }

    /// <summary>The most probable category, its probability among all categories; null when none was learned.</summary>
    public LearnedLabel? PredictCategory(SparseVector vector, int evidence = 0)
    {
        if (Categories.Labels.Length == 0)
        {
            return null;
        }

        var probabilities = Categories.Predict(vector);
        var best = 0;
        for (var label = 1; label < probabilities.Length; label++)
        {
            if (probabilities[label] > probabilities[best])
            {
                best = label;
            }
        }

        var total = probabilities.Sum();
        var confidence = Categories.Labels.Length == 1 ? probabilities[best] : probabilities[best] / total;
        return new LearnedLabel(Categories.Labels[best], confidence, Evidence(Categories, vector, best, evidence));
    }

    private IReadOnlyList<FeatureWeight> Evidence(OneVsRestModel model, SparseVector vector, int label, int count) =>
        count == 0 ? [] : model.Explain(vector, label, count).Select(pair => new FeatureWeight(Space.Surfaces[pair.Feature], pair.Contribution)).ToArray();

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var compressed = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(compressed, Encoding.UTF8))
        {
            writer.Write(FormatVersion);
            writer.Write(DocumentCount);
            writer.Write(Space.Dimensions);
            for (var index = 0; index < Space.Dimensions; index++)
            {
                writer.Write(Space.Features[index]);
                writer.Write(Space.Surfaces[index]);
                writer.Write(Space.Idf[index]);
            }

            Write(writer, Tags);
            Write(writer, Categories);
        }

        return buffer.ToArray();
    }

    public static LearnedClassifier Deserialize(byte[] data)
    {
        using var compressed = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new BinaryReader(compressed, Encoding.UTF8);
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("the stored classifier was written by another version of Strata; it will be retrained");
        }

        var documents = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var features = new string[dimensions];
        var surfaces = new string[dimensions];
        var idf = new float[dimensions];
        for (var index = 0; index < dimensions; index++)
        {
            features[index] = reader.ReadString();
            surfaces[index] = reader.ReadString();
            idf[index] = reader.ReadSingle();
        }

        var space = new TfIdfSpace(features, idf, surfaces);
        return new LearnedClassifier(space, Read(reader, dimensions), Read(reader, dimensions)) { DocumentCount = documents };
    }

    /// <summary>Weights are stored sparsely: most features never matter for most labels.</summary>
    private static void Write(BinaryWriter writer, OneVsRestModel model)
    {
        writer.Write(model.Labels.Length);
        for (var label = 0; label < model.Labels.Length; label++)
        {
            writer.Write(model.Labels[label]);
            writer.Write(model.Biases[label]);
            var weights = model.Weights[label];
            var nonZero = weights.Count(weight => Math.Abs(weight) > 1e-6f);
            writer.Write(nonZero);
            for (var index = 0; index < weights.Length; index++)
            {
                if (Math.Abs(weights[index]) > 1e-6f)
                {
                    writer.Write(index);
                    writer.Write(weights[index]);
                }
            }
        }
    }

    private static OneVsRestModel Read(BinaryReader reader, int dimensions)
    {
        var count = reader.ReadInt32();
        var labels = new string[count];
        var weights = new float[count][];
        var biases = new float[count];
        for (var label = 0; label < count; label++)
        {
            labels[label] = reader.ReadString();
            biases[label] = reader.ReadSingle();
            weights[label] = new float[dimensions];
            var nonZero = reader.ReadInt32();
            for (var entry = 0; entry < nonZero; entry++)
            {
                var index = reader.ReadInt32();
                weights[label][index] = reader.ReadSingle();
            }
        }

        return new OneVsRestModel(labels, weights, biases);
    }
}
