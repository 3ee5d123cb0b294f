using System.Diagnostics;

namespace Strata.Core.Enrich.Classify;

/// <summary>Trains the learned classifier on labelled documents and scores its single-label predictions on others.</summary>
public static class ClassifierEvaluation
{
    /// <param name="train">Training documents (one tag each: the label).</param>
    /// <param name="test">Test documents and their true labels.</param>
    /// <param name="options">Training settings.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    public static ClassificationReport Run(
        IReadOnlyList<LabelledDocument> train, IReadOnlyList<(string? Title, string? Text, string Label)> test, ClassifierTrainingOptions? options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var classifier = LearnedClassifier.Train(train, options, cancellationToken);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var predicted = new string?[test.Count];
        Parallel.For(0, test.Count, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            var probabilities = classifier.Tags.Predict(classifier.Vectorize(test[index].Title, test[index].Text));
            predicted[index] = probabilities.Length == 0 ? null : classifier.Tags.Labels[Array.IndexOf(probabilities, probabilities.Max())];
        });
        var predictSeconds = clock.Elapsed.TotalSeconds;
        return ClassificationReport.Score(test.Select(document => document.Label).ToArray(), predicted, train.Count, trainSeconds, predictSeconds);
    }
}
