using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class DupesCommand
{
    public static Command Create()
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Re-cluster every item from its fingerprint (bands + union-find)" };
        var unfold = new Option<string?>("--unfold") { Description = "Take this item out of its cluster for good (not a duplicate)" };
        var command = new Command("dupes", "Near-duplicate clusters: syndicated copies and re-posts folded into their oldest item") { rebuild, unfold };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var json = parse.GetValue(GlobalOptions.Json);
            if (parse.GetValue(unfold) is { } target)
            {
                if (!await kb.UnfoldAsync(target, cancellationToken))
                {
                    Terminal.Error($"'{target}' is not folded into another item");
                    return ExitCodes.Failed;
                }

                Terminal.Line($"unfolded {target}: it stays a separate item");
                return ExitCodes.Success;
            }

            if (parse.GetValue(rebuild))
            {
                var rebuilt = await kb.RebuildDuplicatesAsync(cancellationToken);
                if (json)
                {
                    Terminal.Json(new DupeRebuildJson(rebuilt.Fingerprints, rebuilt.Clusters, rebuilt.Folded, Math.Round(rebuilt.Elapsed.TotalSeconds, 3)), CliJson.Relaxed.DupeRebuildJson);
                    return ExitCodes.Success;
                }

                Terminal.Line($"re-clustered {rebuilt.Fingerprints:N0} fingerprints in {rebuilt.Elapsed.TotalSeconds:0.00} s: {rebuilt.Clusters:N0} clusters, {rebuilt.Folded:N0} items folded");
            }

            var clusters = await kb.DuplicatesAsync(cancellationToken);
            if (json)
            {
                Terminal.Json([.. clusters.Select(cluster => new DupeClusterJson(ShowStructure.Ref(cluster.Representative),
                    [.. cluster.Members.Select(member => new DupeMemberJson(member.Item.Id, member.Item.DisplayTitle, member.Item.Url, member.Item.SourcePath, member.Distance))]))],
                    CliJson.Relaxed.DupeClusterJsonArray);
                return ExitCodes.Success;
            }

            if (clusters.Count == 0)
            {
                Terminal.Line("no near-duplicates");
                return ExitCodes.Success;
            }

            foreach (var cluster in clusters)
            {
                var head = cluster.Representative;
                Terminal.Line($"{head.Id}  {head.DisplayTitle}  {head.Url ?? head.SourcePath}");
                foreach (var member in cluster.Members)
                {
                    Terminal.Line($"  └ {member.Item.Id}  {member.Item.Url ?? member.Item.SourcePath ?? member.Item.DisplayTitle}  (distance {member.Distance})");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
