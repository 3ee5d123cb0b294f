using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata autotag</c>: tags chosen by the chat model from the existing taxonomy; new ones go to the review inbox.</summary>
internal static class AutotagCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Items to tag (default: the newest items without tags)", Arity = ArgumentArity.ZeroOrMore };
        var limit = new Option<int>("--limit") { Description = "Most items when no ids are given", DefaultValueFactory = _ => 20 };
        var command = new Command("autotag", "Tag items with the configured chat model: it picks from your existing tags; tags it would add new wait in `strata review-tags`")
        {
            ids, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var report = await kb.TagWithModelAsync(parse.GetValue(ids) ?? [], Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new AutotagJson(report.Items.Select(item => new AutotagItemJson(item.ItemId, item.Title, item.Applied.ToArray(), item.Proposed.ToArray())).ToArray(), report.Notice),
                    CliJson.Relaxed.AutotagJson);
            }
            else
            {
                foreach (var item in report.Items)
                {
                    Terminal.Line($"{item.ItemId}  {string.Join(' ', item.Applied.Select(tag => "+" + tag))}" +
                        (item.Proposed.Count == 0 ? string.Empty : $"  proposed: {string.Join(", ", item.Proposed)}") + $"  {item.Title}");
                }
            }

            if (report.Notice is not null)
            {
                Terminal.Error(report.Notice);
            }

            return report.Notice is not null && report.Items.Count == 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}
