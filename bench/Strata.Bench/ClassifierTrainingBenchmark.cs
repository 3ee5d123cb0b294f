using System.Diagnostics;
using System.Text;
using Strata.Core.Enrich.Classify;

namespace Strata.Bench;

/// <summary>
/// Training time of the learned classifier on 10,000 labelled documents: 20 topics, each document one to three
/// of them, text drawn from the bench vocabulary with each topic's own words mixed in (about 400 words each).
/// A held-out set of 2,000 checks the model learned something (top-1 label is one of the true ones).
/// </summary>
internal static class ClassifierTrainingBenchmark
{
    private const int Topics = 20;
    private const int WordsPerTopic = 60;
    private const int WordsPerDocument = 400;

    public static IReadOnlyList<ReportRow> Run(Vocabulary vocabulary, int documents, List<string> notes)
    {
        var random = new Random(4242);
        var topicWords = Enumerable.Range(0, Topics).Select(_ => Enumerable.Range(0, WordsPerTopic).Select(_ => vocabulary.NextEnglish(random)).ToArray()).ToArray();
        var train = Generate(documents, random, vocabulary, topicWords);
        var test = Generate(2_000, random, vocabulary, topicWords);

        var clock = Stopwatch.StartNew();
        var classifier = LearnedClassifier.Train(train);
        var seconds = clock.Elapsed.TotalSeconds;

        // Classification at ingest: vectorise and predict every tag, one thread (the enrichment rows run without a trained model).
        clock.Restart();
        foreach (var document in test)
        {
            _ = classifier.PredictTags(classifier.Vectorize(document.Title, document.Text), 0.35);
        }

        var perDocument = clock.Elapsed.TotalMilliseconds * 1000 / test.Count;
        var correct = test.Count(document =>
        {
            var predicted = classifier.PredictTags(classifier.Vectorize(document.Title, document.Text), 0.0);
            return predicted.Count > 0 && document.Tags.Contains(predicted[0].Label);
        });
        notes.Add($"Classifier training: {documents:N0} synthetic documents of ~{WordsPerDocument} words, {Topics} topics, 1–3 labels each; " +
            "`LearnedClassifier.Train` (feature counting, TF-IDF, one-vs-rest logistic regression, labels trained in parallel), timed whole.");
        return
        [
            new ReportRow($"Classifier training ({documents:N0} labelled docs, {Topics} tags)", "training time", $"{seconds:0.00} s", "", "", "< 10 s", seconds < 10),
            new ReportRow($"Classifier training ({documents:N0} labelled docs, {Topics} tags)", "classifying one document at ingest (vectorise + 20 tags, 1 thread)", $"{perDocument:0} µs/doc", "", "", "", null),
            new ReportRow($"Classifier training ({documents:N0} labelled docs, {Topics} tags)", "held-out top-1 label correct (2,000 docs)", $"{(double)correct / test.Count:P1}", "", "", "", null),
        ];
    }

    private static List<LabelledDocument> Generate(int count, Random random, Vocabulary vocabulary, string[][] topicWords)
    {
        var documents = new List<LabelledDocument>(count);
        var text = new StringBuilder();
        for (var index = 0; index < count; index++)
        {
            var labels = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(Topics)).Distinct().ToArray();
            text.Clear();
            for (var word = 0; word < WordsPerDocument; word++)
            {
                // One word in five is a topic word of one of the document's topics.
                var topic = labels[random.Next(labels.Length)];
                text.Append(random.Next(5) == 0 ? topicWords[topic][random.Next(WordsPerTopic)] : vocabulary.NextEnglish(random)).Append(word % 15 == 14 ? ". " : " ");
            }

            documents.Add(new LabelledDocument(null, text.ToString(), labels.Select(label => $"topic{label:D2}").ToArray()));
        }

        return documents;
    }
}
