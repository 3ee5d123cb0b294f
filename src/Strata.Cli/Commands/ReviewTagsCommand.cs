using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata review-tags</c>: the inbox of suggested tags; accepting or rejecting teaches the classifier.</summary>
internal static class ReviewTagsCommand
{
    public static Command Create()
    {
        var list = new Option<bool>("--list") { Description = "Only list the pending suggestions" };
        var accept = new Option<string[]>("--accept") { Description = "Accept a suggestion: --accept <id>:<tag> (repeatable)", AllowMultipleArgumentsPerToken = true };
        var reject = new Option<string[]>("--reject") { Description = "Reject a suggestion: --reject <id>:<tag> (repeatable)", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = "Most suggestions to show", DefaultValueFactory = _ => 50 };
        var command = new Command("review-tags", "Review suggested tags: accept (a), reject (r), skip (s) or quit (q), one per line; " +
            "or decide non-interactively with --accept/--reject id:tag")
        {
            list, accept, reject, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var decisions = (parse.GetValue(accept) ?? []).Select(value => (Value: value, Accept: true))
                .Concat((parse.GetValue(reject) ?? []).Select(value => (Value: value, Accept: false))).ToArray();
            if (decisions.Length > 0)
            {
                var failed = false;
                foreach (var (value, isAccept) in decisions)
                {
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0 || colon == value.Length - 1)
                    {
                        throw new UsageException($"'{value}': write <item id>:<tag>");
                    }

                    var (id, tag) = (value[..colon], value[(colon + 1)..]);
                    if (await kb.DecideSuggestionAsync(id, tag, isAccept, cancellationToken))
                    {
                        Terminal.Line($"{(isAccept ? "accepted" : "rejected")} {tag} on {id}");
                    }
                    else
                    {
                        Terminal.Error($"no suggestion or tag '{tag}' on item '{id}'");
                        failed = true;
                    }
                }

                return failed ? ExitCodes.Failed : ExitCodes.Success;
            }

            var suggestions = await kb.ListSuggestionsAsync(parse.GetValue(limit), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(suggestions.Select(s => new SuggestionJson(s.ItemId, s.ItemTitle, s.Tag, s.Origin.ToString().ToLowerInvariant(), s.Confidence)).ToArray(), CliJson.Relaxed.SuggestionJsonArray);
                return ExitCodes.Success;
            }

            if (suggestions.Count == 0)
            {
                Terminal.Line("the review inbox is empty");
                return ExitCodes.Success;
            }

            if (parse.GetValue(list))
            {
                foreach (var suggestion in suggestions)
                {
                    Terminal.Line($"{suggestion.ItemId}  {suggestion.Tag,-20} {suggestion.Confidence:0.00}  {suggestion.ItemTitle}");
                }

                return ExitCodes.Success;
            }

            var (accepted, rejected) = (0, 0);
            foreach (var suggestion in suggestions)
            {
                Terminal.Line($"{suggestion.ItemTitle} ({suggestion.ItemId})");
                Terminal.Line($"  tag '{suggestion.Tag}'? {suggestion.Origin.ToString().ToLowerInvariant()}, confidence {suggestion.Confidence:0.00}  [a]ccept [r]eject [s]kip [q]uit");
                var answer = (Console.ReadLine() ?? "q").Trim().ToLowerInvariant();
                if (answer.StartsWith('q'))
                {
                    break;
                }

                if (answer.StartsWith('a') || answer.StartsWith('r'))
                {
                    var isAccept = answer.StartsWith('a');
                    await kb.DecideSuggestionAsync(suggestion.ItemId, suggestion.Tag, isAccept, cancellationToken);
                    _ = isAccept ? accepted++ : rejected++;
                }
            }

            Terminal.Line($"accepted {accepted}, rejected {rejected}; the classifier learns from both on its next run");
            return ExitCodes.Success;
        });
        return command;
    }
}
