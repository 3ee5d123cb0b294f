using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Extraction;
using Strata.Core.Text;
using MarkdigMarkdown = Markdig.Markdown;
using Strata.Sources.Http;

namespace Strata.Cli.Commands;

internal static class ExtractCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "A file or an http(s) URL" };
        var format = new Option<string>("--format", "-f") { Description = "md (default), text or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "text", "json");
        var command = new Command("extract", "Print what extraction produces for a file or URL, storing nothing") { target, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var path = parse.GetValue(target)!;
            ExtractedDocument document;
            try
            {
                document = await kb.ExtractAsync(path, cancellationToken);
            }
            catch (Exception exception) when (exception is ExtractionException or FetchException or IOException or UnauthorizedAccessException)
            {
                Terminal.Error($"failed: {path}: {exception.Message}");
                return ExitCodes.Failed;
            }

            var chosen = parse.GetValue(GlobalOptions.Json) ? "json" : parse.GetValue(format);
            switch (chosen)
            {
                case "json":
                    Terminal.Json(new ExtractJson(document.Title, document.Byline, document.Published, document.SiteName, document.Language ?? LanguageDetector.Detect(document.Text),
                        document.CanonicalUrl, document.Excerpt, document.Text, TextStatistics.WordCount(document.Text),
                        document.Pages.Select(page => new PageJson(page.Number, page.Start, page.Length)).ToArray(), document.Metadata.ToDictionary(), document.Tags.ToArray()), CliJson.Relaxed.ExtractJson);
                    break;
                case "text":
                    Terminal.Line(MarkdigMarkdown.ToPlainText(document.Text).Trim());
                    break;
                default:
                    if (document.Title is not null)
                    {
                        Terminal.Line($"# {document.Title}");
                        Terminal.Line();
                    }

                    Terminal.Line(document.Text);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
