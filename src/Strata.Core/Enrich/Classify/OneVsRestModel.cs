namespace Strata.Core.Enrich.Classify;

/// <summary>One logistic regression per label over a shared <see cref="TfIdfSpace"/>: multi-label by construction.</summary>
public sealed class OneVsRestModel(string[] labels, float[][] weights, float[] biases)
{
    public string[] Labels { get; } = labels;

    internal float[][] Weights { get; } = weights;

    internal float[] Biases { get; } = biases;

    /// <summary>Trains one model per label, labels in parallel.</summary>
    /// <param name="vectors">The examples.</param>
    /// <param name="labelsOf">The labels of each example.</param>
    /// <param name="negativesOf">Labels each example was explicitly judged not to have (weighed double as negatives).</param>
    /// <param name="dimensions">Feature count.</param>
    /// <param name="options">Training settings.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    public static OneVsRestModel Train(
        IReadOnlyList<SparseVector> vectors, IReadOnlyList<IReadOnlyCollection<string>> labelsOf, IReadOnlyList<IReadOnlyCollection<string>>? negativesOf,
        int dimensions, ClassifierTrainingOptions options, CancellationToken cancellationToken)
    {
        // A label needs examples on both sides: one that every document has teaches only "always".
        var counts = labelsOf.SelectMany(labels => labels).GroupBy(label => label, StringComparer.Ordinal)
            .Where(group => group.Count() >= options.MinExamples && vectors.Count - group.Count() >= options.MinExamples)
            .Select(group => group.Key).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(options.Seed);
        var order = new int[options.Epochs][];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            order[epoch] = Enumerable.Range(0, vectors.Count).ToArray();
            random.Shuffle(order[epoch]);
        }

        var weights = new float[counts.Length][];
        var biases = new float[counts.Length];
        Parallel.For(0, counts.Length, new ParallelOptions { CancellationToken = cancellationToken }, label =>
        {
            var name = counts[label];
            var positive = new bool[vectors.Count];
            var sampleWeights = new float[vectors.Count];
            for (var example = 0; example < vectors.Count; example++)
            {
                positive[example] = labelsOf[example].Contains(name);
                sampleWeights[example] = negativesOf is not null && negativesOf[example].Contains(name) ? 2f : 1f;
            }

            (weights[label], biases[label]) = BinaryLogisticRegression.Train(vectors, positive, sampleWeights, order, dimensions, options);
        });
        return new OneVsRestModel(counts, weights, biases);
    }

    /// <summary>The probability of each label (in <see cref="Labels"/> order).</summary>
    public double[] Predict(SparseVector vector)
    {
        var probabilities = new double[Labels.Length];
        for (var label = 0; label < Labels.Length; label++)
        {
            probabilities[label] = 1.0 / (1.0 + Math.Exp(-(vector.Dot(Weights[label]) + Biases[label])));
        }

        return probabilities;
    }

    /// <summary>The features that pushed <paramref name="label"/> up the most for this vector.</summary>
    public IReadOnlyList<(int Feature, double Contribution)> Explain(SparseVector vector, int label, int top)
    {
        var weights = Weights[label];
        var contributions = new List<(int Feature, double Contribution)>(vector.Count);
        for (var index = 0; index < vector.Count; index++)
        {
            var contribution = weights[vector.Indices[index]] * vector.Values[index];
            if (contribution > 0)
            {
                contributions.Add((vector.Indices[index], contribution));
            }
        }

        return contributions.OrderByDescending(pair => pair.Contribution).Take(top).ToArray();
    }
}
