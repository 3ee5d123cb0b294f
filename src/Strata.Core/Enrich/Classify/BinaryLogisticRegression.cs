namespace Strata.Core.Enrich.Classify;

/// <summary>
/// L2-regularised logistic regression for one label, trained by stochastic gradient descent with scikit-learn's
/// "optimal" learning-rate schedule (Bottou's 1 / (α (t₀ + t))) and the scaled-weight trick, so each step costs
/// only the example's non-zero features.
/// </summary>
internal static class BinaryLogisticRegression
{
    /// <param name="vectors">Training examples.</param>
    /// <param name="positive">Whether each example has the label.</param>
    /// <param name="sampleWeights">Per-example weight (e.g. rejected suggestions count more as negatives).</param>
    /// <param name="order">The visiting order of each epoch (shuffled by the caller, shared across labels).</param>
    /// <param name="dimensions">Number of features.</param>
    /// <param name="options">Regularisation and epochs.</param>
    /// <returns>The weights and bias.</returns>
    public static (float[] Weights, float Bias) Train(
        IReadOnlyList<SparseVector> vectors, bool[] positive, float[] sampleWeights, int[][] order, int dimensions, ClassifierTrainingOptions options)
    {
        var alpha = options.Alpha;
        var positives = positive.Count(value => value);
        var negatives = positive.Length - positives;
        // The rarer side would otherwise be drowned out (a rare tag never predicted, or a common one always):
        // weigh it up, part of the way to balance.
        var positiveWeight = positives == 0 ? 1.0 : Math.Clamp(Math.Sqrt((double)negatives / positives), 1.0, options.MaxPositiveWeight);
        var negativeWeight = negatives == 0 ? 1.0 : Math.Clamp(Math.Sqrt((double)positives / negatives), 1.0, options.MaxPositiveWeight);

        var typicalWeight = Math.Sqrt(1.0 / Math.Sqrt(alpha));
        var initialRate = typicalWeight; // the log loss's derivative is below 1 at -typicalWeight
        var offset = 1.0 / (initialRate * alpha);

        var weights = new float[dimensions];
        var scale = 1.0;
        var bias = 0.0;
        long step = 0;
        foreach (var epoch in order)
        {
            foreach (var example in epoch)
            {
                var rate = 1.0 / (alpha * (offset + step));
                step++;
                var vector = vectors[example];
                var y = positive[example] ? 1.0 : -1.0;
                var margin = (scale * vector.Dot(weights)) + bias;
                var gradient = y / (1.0 + Math.Exp(y * margin)) * (positive[example] ? positiveWeight : negativeWeight) * sampleWeights[example];
                scale *= Math.Max(1e-9, 1.0 - (rate * alpha));
                if (gradient != 0)
                {
                    vector.AddTo(weights, (float)(rate * gradient / scale));
                    bias += rate * gradient * options.BiasRateFactor;
                }

                if (scale < 1e-6)
                {
                    Rescale(weights, scale);
                    scale = 1.0;
                }
            }
        }

        Rescale(weights, scale);
        return (weights, (float)bias);
    }

    private static void Rescale(float[] weights, double scale)
    {
        var factor = (float)scale;
        for (var index = 0; index < weights.Length; index++)
        {
            weights[index] *= factor;
        }
    }
}

/// <summary>How the learned classifier trains (defaults follow common practice for TF-IDF text, not any one data set).</summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>L2 regularisation strength per example.</summary>
    public double Alpha { get; init; } = 1e-5;

    public int Epochs { get; init; } = 10;

    /// <summary>Upper bound of the weight given to the rarer side's examples.</summary>
    public double MaxPositiveWeight { get; init; } = 5.0;

    /// <summary>The bias learns slower than the weights (scikit-learn uses 0.01 for sparse input).</summary>
    public double BiasRateFactor { get; init; } = 0.01;

    /// <summary>A label needs at least this many examples to be learned.</summary>
    public int MinExamples { get; init; } = 3;

    public int Seed { get; init; } = 17;
}
