using System.CommandLine;
using Strata.Cli.Output;
using Strata.Hosting.Ingest;

namespace Strata.Cli.Commands;

internal static class AddCommand
{
    public static Command Create()
    {
        var targets = new Argument<string[]>("targets") { Description = "Files, folders (recursively), http(s) URLs, or - to read a note from standard input", Arity = ArgumentArity.OneOrMore };
        var title = new Option<string?>("--title") { Description = "Title to use instead of the extracted one" };
        var tags = new Option<string[]>("--tag", "-t") { Description = "Tag to add (repeatable)", AllowMultipleArgumentsPerToken = false };
        var force = new Option<bool>("--force") { Description = "Add even when the same content or URL is already in the base" };
        var command = new Command("add", "Archive and ingest files, folders, URLs or a note from standard input") { targets, title, tags, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new AddOptions { Title = parse.GetValue(title), Tags = parse.GetValue(tags) ?? [], Force = parse.GetValue(force) };
            var arguments = parse.GetValue(targets) ?? [];
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var files = arguments.Where(argument => argument != "-").ToArray();
            var reports = new List<IngestReport>();
            if (arguments.Contains("-"))
            {
                var note = await Console.In.ReadToEndAsync(cancellationToken);
                reports.Add(await kb.AddNoteAsync(note, options, null, cancellationToken));
            }

            if (files.Length > 0)
            {
                reports.Add(await IngestPrinter.RunWithProgressAsync(progress => kb.AddAsync(files, options, progress, cancellationToken)));
            }

            var merged = new IngestReport(reports.SelectMany(report => report.Entries).ToArray(), reports.All(report => report.Processed));
            var exitCode = IngestPrinter.Print(merged, parse.GetValue(GlobalOptions.Json));
            await EmbedNewAsync(kb, cancellationToken);
            return exitCode;
        });
        return command;
    }

    /// <summary>With a model configured, what was just added becomes searchable by meaning too; a model problem never fails the add.</summary>
    private static async Task EmbedNewAsync(Strata.Hosting.KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (!kb.Options.Embedding.IsEnabled)
        {
            return;
        }

        try
        {
            var report = await kb.EmbedAsync(null, cancellationToken);
            if (report.Error is not null)
            {
                Terminal.Error($"embedding: {report.Error} (added items are kept; run `strata embed` to finish)");
            }
        }
        catch (Strata.Semantic.Embeddings.EmbeddingException exception)
        {
            Terminal.Error($"embedding: {exception.Message} (added items are kept; run `strata embed` once the model is fixed)");
        }
    }
}
