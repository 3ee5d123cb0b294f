using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Enrich.Classify;
using Strata.Hosting.Evaluation;

namespace Strata.Cli.Commands;

internal static class EvalClassifyCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder") { Description = "One folder of labelled documents to split (with --split)", Arity = ArgumentArity.ZeroOrOne };
        var train = new Option<string?>("--train") { Description = "Folder of training documents, one subfolder per label" };
        var test = new Option<string?>("--test") { Description = "Folder of test documents, one subfolder per label" };
        var split = new Option<double>("--split") { Description = "With one folder: the share of each label held out for testing (every other file at 0.5)", DefaultValueFactory = _ => 0.5 };
        var command = new Command("classify", "Train the learned classifier on labelled documents and report accuracy and macro-F1 on others. " +
            "Layout: one subfolder per label. Give --train and --test, or one folder and --split.")
        {
            folder, train, test, split,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (trainFiles, testFiles) = await ReadAsync(parse.GetValue(folder), parse.GetValue(train), parse.GetValue(test), parse.GetValue(split), cancellationToken);
            var report = ClassifierEvaluation.Run(
                trainFiles.Select(file => new LabelledDocument(file.Title, file.Text, [file.Label])).ToArray(),
                testFiles.Select(file => (file.Title, file.Text, file.Label)).ToArray(), null, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new ClassifyEvalJson(report.TrainCount, report.TestCount, report.Accuracy, report.MacroF1, report.TrainSeconds, report.PredictSeconds,
                    report.Labels.Select(label => new LabelScoreJson(label.Label, label.Support, label.Precision, label.Recall, label.F1)).ToArray()), CliJson.Relaxed.ClassifyEvalJson);
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("label", "support", "precision", "recall", "F1");
            foreach (var label in report.Labels)
            {
                table.AddRow(Terminal.Escape(label.Label), label.Support.ToString("N0"), $"{label.Precision:0.000}", $"{label.Recall:0.000}", $"{label.F1:0.000}");
            }

            Terminal.Write(table);
            Terminal.Line($"trained on {report.TrainCount:N0} in {report.TrainSeconds:0.00} s; tested on {report.TestCount:N0}");
            Terminal.Line($"accuracy {report.Accuracy:0.0000}  macro-F1 {report.MacroF1:0.0000}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<(IReadOnlyList<LabelledFile> Train, IReadOnlyList<LabelledFile> Test)> ReadAsync(
        string? folder, string? train, string? test, double split, CancellationToken cancellationToken)
    {
        void Failed(string path, string reason) => Terminal.Error($"skipped: {path}: {reason}");
        try
        {
            if (train is not null && test is not null)
            {
                return (await LabelledFolder.ReadAsync(train, Failed, cancellationToken), await LabelledFolder.ReadAsync(test, Failed, cancellationToken));
            }

            if (folder is null || train is not null || test is not null)
            {
                throw new UsageException("give --train <dir> and --test <dir>, or one folder with --split <share>");
            }

            if (split is <= 0 or >= 1)
            {
                throw new UsageException("--split must be between 0 and 1 (the share held out for testing)");
            }

            return LabelledFolder.Split(await LabelledFolder.ReadAsync(folder, Failed, cancellationToken), split);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException)
        {
            throw new UsageException(exception.Message);
        }
    }
}
