namespace Strata.Core.Enrich.Classify;

/// <summary>Per-label precision, recall and F1 from single-label predictions.</summary>
public sealed record LabelScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>
/// How well single-label predictions match the truth: accuracy, and macro-F1 (the unweighted mean of each label's
/// F1, so small labels count as much as large ones; a label never predicted has precision 0).
/// </summary>
public sealed record ClassificationReport(int TrainCount, int TestCount, double Accuracy, double MacroF1, IReadOnlyList<LabelScore> Labels, double TrainSeconds, double PredictSeconds)
{
    public static ClassificationReport Score(IReadOnlyList<string> truth, IReadOnlyList<string?> predicted, int trainCount, double trainSeconds, double predictSeconds)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("truth and predictions differ in length");
        }

        var labels = truth.Concat(predicted.OfType<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var scores = new List<LabelScore>(labels.Length);
        foreach (var label in labels)
        {
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            for (var index = 0; index < truth.Count; index++)
            {
                var isTrue = truth[index] == label;
                var isPredicted = predicted[index] == label;
                truePositives += isTrue && isPredicted ? 1 : 0;
                falsePositives += !isTrue && isPredicted ? 1 : 0;
                falseNegatives += isTrue && !isPredicted ? 1 : 0;
            }

            var precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
            var recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.Add(new LabelScore(label, truePositives + falseNegatives, precision, recall, f1));
        }

        var correct = Enumerable.Range(0, truth.Count).Count(index => truth[index] == predicted[index]);
        var accuracy = truth.Count == 0 ? 0 : (double)correct / truth.Count;
        var macroF1 = scores.Count == 0 ? 0 : scores.Average(score => score.F1);
        return new ClassificationReport(trainCount, truth.Count, accuracy, macroF1, scores, trainSeconds, predictSeconds);
    }
}
