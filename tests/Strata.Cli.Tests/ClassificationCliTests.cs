using System.Text.Json;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class ClassificationCliTests : IDisposable
{
    private static readonly string[] SportLines =
    [
        "The striker scored twice as the club won the league match at home.",
        "A late goal from the captain gave the team victory in the cup final.",
        "The coach praised his players after the match ended in a draw.",
        "Fans cheered as the club signed a new striker before the season.",
        "The goalkeeper saved a penalty and the team reached the final.",
        "The league champions won their fifth match of the season.",
    ];

    private static readonly string[] FinanceLines =
    [
        "Shares fell as the bank reported lower profits and rising costs.",
        "The central bank raised interest rates to curb inflation this quarter.",
        "Investors sold shares after the company cut its profit forecast.",
        "Inflation and interest rates weighed on the stock market.",
        "The bank's quarterly profit beat forecasts as lending grew.",
        "Bond yields rose as investors expected higher interest rates.",
    ];

    private readonly TempDirectory _directory = new("strata-classify");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task LearnedTags_AppliedToNewItems_ExplainedAndRejectedForGood()
    {
        WriteTopic("sport", SportLines);
        WriteTopic("finance", FinanceLines);
        var sportAdd = await CliProcess.RunAsync(Data, "add", _directory.Combine("sport"), "--tag", "sport");
        var financeAdd = await CliProcess.RunAsync(Data, "add", _directory.Combine("finance"), "--tag", "finance");
        Assert.True(sportAdd.ExitCode == 0 && financeAdd.ExitCode == 0, sportAdd.Error + financeAdd.Error);
        var train = await CliProcess.RunAsync(Data, "train");
        Assert.True(train.Out.Contains("2 tags", StringComparison.Ordinal), $"{train.Out}\n{train.Error}\n{sportAdd.Out}\n{financeAdd.Out}");

        _directory.Write("new/match.txt", "Cup final report\n\nThe striker scored a late goal and the team won the match and the cup.");
        var add = await CliProcess.RunAsync(Data, "add", _directory.Combine("new/match.txt"), "--json");
        Assert.Equal(0, add.ExitCode);
        var id = JsonDocument.Parse(add.Out).RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!;

        var why = JsonDocument.Parse((await CliProcess.RunAsync(Data, "why", id, "--json")).Out).RootElement;
        var sports = why.GetProperty("labels").EnumerateArray().Where(label => label.GetProperty("name").GetString() == "sport").ToArray();
        Assert.True(sports.Length == 1, $"{why}\n{(await CliProcess.RunAsync(Data, "review-tags", "--json")).Out}\n{(await CliProcess.RunAsync(Data, "tags", "--json")).Out}\n{add.Out}\n{train.Out}");
        var sport = sports[0];
        Assert.Equal("learned", sport.GetProperty("origin").GetString());
        Assert.True(sport.GetProperty("confidence").GetDouble() >= 0.7);
        var evidence = sport.GetProperty("evidence").EnumerateArray().Select(weight => weight.GetProperty("feature").GetString()).ToArray();
        Assert.Contains(evidence, word => word is "striker" or "scored" or "goal" or "match" or "team" or "cup");
        Assert.DoesNotContain(why.GetProperty("labels").EnumerateArray(), label => label.GetProperty("name").GetString() == "finance");

        // Removing a learned tag is a rejection: retraining and reclassifying do not bring it back.
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "tag", id, "--", "-sport")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "train", "--reclassify")).ExitCode);
        var after = JsonDocument.Parse((await CliProcess.RunAsync(Data, "why", id, "--json")).Out).RootElement;
        Assert.DoesNotContain(after.GetProperty("labels").EnumerateArray(), label => label.GetProperty("name").GetString() == "sport");
    }

    [Fact]
    public async Task ReviewInbox_AcceptMakesTheTagTheUsers_RejectRemovesTheSuggestion()
    {
        WriteTopic("sport", SportLines);
        WriteTopic("finance", FinanceLines);
        await CliProcess.RunAsync(Data, "add", _directory.Combine("sport"), "--tag", "sport");
        await CliProcess.RunAsync(Data, "add", _directory.Combine("finance"), "--tag", "finance");
        await File.WriteAllTextAsync(Path.Combine(Data, "strata.json"), """{ "Classification": { "ApplyThreshold": 1.0, "SuggestThreshold": 0.3 } }""");
        _directory.Write("new/a.txt", "Match day\n\nThe club's striker scored and the team won the league match.");
        _directory.Write("new/b.txt", "Bank results\n\nThe bank's profits rose as interest rates lifted lending and shares.");
        await CliProcess.RunAsync(Data, "add", _directory.Combine("new"));

        var inbox = JsonDocument.Parse((await CliProcess.RunAsync(Data, "review-tags", "--json")).Out).RootElement.EnumerateArray().ToArray();
        var sportSuggestion = inbox.Single(s => s.GetProperty("tag").GetString() == "sport" && s.GetProperty("title").GetString() == "Match day");
        var financeSuggestion = inbox.Single(s => s.GetProperty("tag").GetString() == "finance" && s.GetProperty("title").GetString() == "Bank results");

        var decide = await CliProcess.RunAsync(Data, "review-tags",
            "--accept", $"{sportSuggestion.GetProperty("id").GetString()}:sport", "--reject", $"{financeSuggestion.GetProperty("id").GetString()}:finance");
        Assert.True(decide.ExitCode == 0, decide.Error);

        var matchDay = JsonDocument.Parse((await CliProcess.RunAsync(Data, "why", sportSuggestion.GetProperty("id").GetString()!, "--json")).Out).RootElement;
        Assert.Contains(matchDay.GetProperty("labels").EnumerateArray(), label => label.GetProperty("name").GetString() == "sport" && label.GetProperty("origin").GetString() == "user");
        var remaining = JsonDocument.Parse((await CliProcess.RunAsync(Data, "review-tags", "--json")).Out).RootElement.EnumerateArray().ToArray();
        Assert.DoesNotContain(remaining, s => s.GetProperty("tag").GetString() == "finance" && s.GetProperty("title").GetString() == "Bank results");
        Assert.DoesNotContain(remaining, s => s.GetProperty("tag").GetString() == "sport" && s.GetProperty("title").GetString() == "Match day");

        var unknown = await CliProcess.RunAsync(Data, "review-tags", "--accept", "nosuchitem:sport");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no suggestion or tag", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_ApplyAtIngestAndRetroactively_DryRunWritesNothing()
    {
        _directory.Write("in/rust.md", "# Rust ownership\n\nBorrowing and lifetimes in Rust explained with examples.");
        _directory.Write("in/bread.md", "# Sourdough\n\nA starter, flour, water and patience make good bread.");
        await CliProcess.RunAsync(Data, "add", _directory.Combine("in"));

        var add = await CliProcess.RunAsync(Data, "rule", "add", "--name", "rusty", "--title", "^rust", "--tag", "lang/rust", "--category", "programming", "--status", "archived");
        Assert.True(add.ExitCode == 0, add.Error);
        var bad = await CliProcess.RunAsync(Data, "rule", "add", "--title", "(", "--tag", "x");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a valid regular expression", bad.Error, StringComparison.Ordinal);

        var dry = JsonDocument.Parse((await CliProcess.RunAsync(Data, "rule", "apply", "--dry-run", "--json")).Out).RootElement.EnumerateArray().Single();
        Assert.Equal("Rust ownership", dry.GetProperty("title").GetString());
        Assert.Equal("lang/rust", dry.GetProperty("added")[0].GetString());
        Assert.Empty(JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tag:rust", "--json")).Out).RootElement.EnumerateArray());

        Assert.Equal(0, (await CliProcess.RunAsync(Data, "rule", "apply")).ExitCode);
        var hits = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tag:lang", "--json")).Out).RootElement.EnumerateArray().ToArray();
        Assert.Equal("Rust ownership", Assert.Single(hits).GetProperty("title").GetString());

        // New items get the rule at ingest.
        _directory.Write("more/rust2.md", "# Rust async\n\nFutures and executors in Rust.");
        await CliProcess.RunAsync(Data, "add", _directory.Combine("more"));
        var why = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "executors", "--json")).Out).RootElement[0];
        var explained = JsonDocument.Parse((await CliProcess.RunAsync(Data, "why", why.GetProperty("id").GetString()!, "--json")).Out).RootElement;
        Assert.Contains(explained.GetProperty("labels").EnumerateArray(), label =>
            label.GetProperty("name").GetString() == "programming" && label.GetProperty("type").GetString() == "category" && label.GetProperty("reason").GetString() == "rule rusty");

        // Renaming a tag follows into the rule, so the next pass does not bring the old name back.
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "tags", "merge", "lang/rust", "rust")).ExitCode);
        var tags = JsonDocument.Parse((await CliProcess.RunAsync(Data, "tags", "--json")).Out).RootElement.EnumerateArray().Select(tag => tag.GetProperty("tag").GetString()).ToArray();
        Assert.Contains("rust", tags);
        Assert.DoesNotContain("lang/rust", tags);
        Assert.Contains("+rust", (await CliProcess.RunAsync(Data, "rule", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalClassify_ReportsAccuracyAndMacroF1OnHeldOutFiles()
    {
        for (var index = 0; index < SportLines.Length; index++)
        {
            _directory.Write($"set/sport/{index}.txt", SportLines[index] + " " + SportLines[(index + 1) % SportLines.Length]);
            _directory.Write($"set/finance/{index}.txt", FinanceLines[index] + " " + FinanceLines[(index + 1) % FinanceLines.Length]);
        }

        var result = await CliProcess.RunAsync(Data, "eval", "classify", _directory.Combine("set"), "--split", "0.5", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(6, report.GetProperty("test").GetInt32());
        Assert.Equal(6, report.GetProperty("train").GetInt32());
        Assert.Equal(1.0, report.GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, report.GetProperty("macroF1").GetDouble());

        var missing = await CliProcess.RunAsync(Data, "eval", "classify", "--train", _directory.Combine("nope"), "--test", _directory.Combine("set"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such folder", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private void WriteTopic(string folder, string[] lines)
    {
        for (var index = 0; index < lines.Length; index++)
        {
            _directory.Write($"{folder}/{index}.txt", $"{folder} note {index}\n\n{lines[index]} {lines[(index + 2) % lines.Length]}");
        }
    }
}
