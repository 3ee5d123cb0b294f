using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata why &lt;id&gt;</c>: where each tag and the category came from, with a learned tag's strongest words.</summary>
internal static class WhyCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var command = new Command("why", "Explain an item's tags and category: who set each, and for learned ones the words that argued for it") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var (item, explanations) = await kb.ExplainAsync(parse.GetValue(id)!, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new WhyJson(item.Id, item.DisplayTitle, explanations.Select(e => new ExplanationJson(
                    e.Tag, e.IsCategory ? "category" : "tag", e.Origin.ToString().ToLowerInvariant(), e.Confidence, e.Reason,
                    e.Evidence.Select(w => new FeatureWeightJson(w.Feature, Math.Round(w.Weight, 4))).ToArray())).ToArray()), CliJson.Relaxed.WhyJson);
                return ExitCodes.Success;
            }

            Terminal.Line($"{item.DisplayTitle} ({item.Id})");
            if (explanations.Count == 0)
            {
                Terminal.Line("  no tags and no category");
            }

            foreach (var explanation in explanations)
            {
                var what = explanation.IsCategory ? "category" : "tag";
                Terminal.Line($"  {what} {explanation.Tag}: {explanation.Origin.ToString().ToLowerInvariant()} {explanation.Confidence:0.00} — {explanation.Reason}");
                if (explanation.Evidence.Count > 0)
                {
                    Terminal.Line("      " + string.Join(", ", explanation.Evidence.Select(w => $"{w.Feature} ({w.Weight:0.00})")));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
