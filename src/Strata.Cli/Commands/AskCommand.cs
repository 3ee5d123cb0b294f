using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Hosting;
using Strata.Hosting.Ask;

namespace Strata.Cli.Commands;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string[]>("question") { Description = "A question about what you saved", Arity = ArgumentArity.OneOrMore };
        var tag = new Option<string[]>("--tag", "-t") { Description = "Only items with this tag (repeatable)" };
        var since = new Option<string?>("--since") { Description = "Only items collected since a date or a span ago (7d, 24h)" };
        var command = new Command("ask", "Answer a question from the base with numbered citations (extractive answer without a chat model)") { question, tag, since };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = string.Join(' ', parse.GetValue(question) ?? []);
            var after = parse.GetValue(since) is { } s ? TimeSpans.ParseSince(s, TimeProvider.System.GetUtcNow()) : (DateTimeOffset?)null;
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var answer = await kb.AskAsync(text, parse.GetValue(tag) ?? [], after, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new AskJson(answer.Question, answer.Kind.ToString().ToLowerInvariant(), KnowledgeBase.RenderSnippet(answer.Text, "**", "**"), answer.Model, answer.Notice,
                    answer.Citations.Select(c => new CitationJson(c.Number, c.ItemId, c.Title, c.Url, c.Path, c.Page, c.Start, c.Length, c.Passage, c.Cited)).ToArray()), ModelJson.Relaxed.AskJson);
                return ExitCodes.Success;
            }

            if (answer.Notice is not null)
            {
                Terminal.Error(answer.Notice);
            }

            switch (answer.Kind)
            {
                case AnswerKind.NotFound:
                    Terminal.Line(answer.Text);
                    return ExitCodes.Success;
                case AnswerKind.Extractive:
                    Terminal.Ansi.MarkupLine("[grey]Extractive answer (no chat model): the passages that best match, answering sentences highlighted.[/]");
                    Terminal.Line();
                    Terminal.Ansi.MarkupLine(Terminal.Highlight(answer.Text, KnowledgeBase.SnippetOpen, KnowledgeBase.SnippetClose));
                    break;
                default:
                    Terminal.Line(answer.Text);
                    break;
            }

            Terminal.Line();
            Terminal.Line("Sources:");
            foreach (var citation in answer.Citations.Where(c => c.Cited))
            {
                var page = citation.Page is { } p ? $", page {p}" : string.Empty;
                Terminal.Line($"[{citation.Number}] {citation.Title}{page} — {citation.Url ?? citation.Path ?? citation.ItemId} ({citation.ItemId}, chars {citation.Start}–{citation.Start + citation.Length})");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
