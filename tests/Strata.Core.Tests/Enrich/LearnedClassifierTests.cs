using Strata.Core.Enrich.Classify;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class LearnedClassifierTests
{
    private static readonly string[] Sport =
    [
        "The striker scored twice as the club won the league match at home",
        "A late goal from the captain gave the team victory in the cup final",
        "The coach praised his players after the match ended in a draw",
        "Fans cheered as the club signed a new striker before the season",
        "The goalkeeper saved a penalty and the team reached the final",
        "The league champions won their fifth match of the season",
    ];

    private static readonly string[] Finance =
    [
        "Shares fell as the bank reported lower profits and rising costs",
        "The central bank raised interest rates to curb inflation this quarter",
        "Investors sold shares after the company cut its profit forecast",
        "Inflation and interest rates weighed on the stock market",
        "The bank's quarterly profit beat forecasts as lending grew",
        "Bond yields rose as investors expected higher interest rates",
    ];

    private static readonly string[] Chinese =
    [
        "机器学习模型在图像识别任务上取得了新的进展",
        "研究人员提出了一种新的深度学习模型用于语言理解",
        "这个机器学习算法显著提高了语音识别的准确率",
        "深度学习模型需要大量数据进行训练",
    ];

    [Fact]
    public void Train_OnHandMadeTopics_TagsUnseenTextsCorrectlyAndConfidently()
    {
        var classifier = LearnedClassifier.Train(Documents());

        var sport = classifier.PredictTags(classifier.Vectorize("Cup final", "The team scored a late goal to win the match"), 0.0);
        var finance = classifier.PredictTags(classifier.Vectorize(null, "Rising interest rates hit bank shares and profits"), 0.0);

        Assert.Equal("sport", sport[0].Label);
        Assert.Equal("finance", finance[0].Label);
        Assert.True(sport[0].Confidence > 0.7, $"sport confidence {sport[0].Confidence}");
        Assert.True(finance[0].Confidence > 0.7, $"finance confidence {finance[0].Confidence}");
        Assert.True(sport.Single(label => label.Label == "finance").Confidence < 0.3);
    }

    [Fact]
    public void Train_OnChineseText_LearnsFromCharacterBigrams()
    {
        var classifier = LearnedClassifier.Train(Documents());

        var predicted = classifier.PredictTags(classifier.Vectorize(null, "新的机器学习模型提高了识别准确率"), 0.0);

        Assert.Equal("ml", predicted[0].Label);
        Assert.True(predicted[0].Confidence > 0.5, $"ml confidence {predicted[0].Confidence}");
    }

    [Fact]
    public void Explain_NamesTheWordsThatArguedForTheTag()
    {
        var classifier = LearnedClassifier.Train(Documents());

        var sport = classifier.PredictTags(classifier.Vectorize(null, "The striker scored a goal in the match"), 0.5, evidence: 3);

        var words = sport.Single(label => label.Label == "sport").Evidence.Select(weight => weight.Feature).ToArray();
        Assert.Contains(words, word => word is "striker" or "scored" or "goal" or "match");
        Assert.DoesNotContain("the", words);
    }

    [Fact]
    public void Serialize_RoundTrips_ToTheSamePredictions()
    {
        var classifier = LearnedClassifier.Train(Documents());
        var copy = LearnedClassifier.Deserialize(classifier.Serialize());
        var vector = copy.Vectorize(null, "Interest rates and bank profits");

        Assert.Equal(classifier.Tags.Labels, copy.Tags.Labels);
        Assert.Equal(classifier.Tags.Predict(vector), copy.Tags.Predict(vector), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Train_IgnoresLabelsWithTooFewExamples()
    {
        var documents = Documents().Append(new LabelledDocument(null, "a lonely document about gardening", ["garden"])).ToArray();

        var classifier = LearnedClassifier.Train(documents);

        Assert.DoesNotContain("garden", classifier.Tags.Labels);
        Assert.Contains("sport", classifier.Tags.Labels);
    }

    [Fact]
    public void Train_DoesNotLearnALabelEveryDocumentHas()
    {
        var documents = Sport.Select(text => new LabelledDocument(null, text, ["sport", "everything"])).ToArray();

        var classifier = LearnedClassifier.Train(documents);

        Assert.Empty(classifier.Tags.Labels);
    }

    [Fact]
    public void Score_ComputesAccuracyAndMacroF1()
    {
        // a: 2 of 3 right, b: 1 of 1 right, plus one b predicted as a.
        var report = ClassificationReport.Score(["a", "a", "a", "b", "b"], ["a", "a", "b", "b", "a"], 10, 0, 0);

        Assert.Equal(0.6, report.Accuracy, 6);
        // a: P 2/3, R 2/3, F1 2/3; b: P 1/2, R 1/2, F1 1/2 → macro 7/12.
        Assert.Equal(7.0 / 12, report.MacroF1, 6);
    }

    private static IReadOnlyList<LabelledDocument> Documents() =>
    [
        .. Sport.Select(text => new LabelledDocument(null, text, ["sport"])),
        .. Finance.Select(text => new LabelledDocument(null, text, ["finance"])),
        .. Chinese.Select(text => new LabelledDocument(null, text, ["ml"])),
    ];
}
