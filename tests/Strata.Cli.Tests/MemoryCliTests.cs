using System.Text.Json;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class MemoryCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-cli-memory");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task Review_ScriptedThroughAPipe_GradesAreStoredAndTheNextSessionResumes()
    {
        var item = await AddNoteAsync("The hippocampus consolidates memories during sleep. Sleep spindles help.", "Sleep");
        var cards = new List<string>();
        foreach (var (front, back) in new[] { ("What consolidates memories?", "The hippocampus"), ("When?", "During sleep"), ("What helps?", "Sleep spindles") })
        {
            var add = await CliProcess.RunAsync(Data, "card", "add", item[..10], "--front", front, "--back", back, "--deck", "bio", "--json");
            Assert.True(add.ExitCode == 0, add.Error);
            cards.Add(JsonDocument.Parse(add.Out).RootElement.GetProperty("id").GetString()!);
        }

        // Enter reveals, 3 grades Good; Enter, 1 grades Again; then q stops with one card left.
        var first = await CliProcess.RunWithInputAsync(Data, "\n3\n\n1\nq\n", "review");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("What consolidates memories?", first.Out, StringComparison.Ordinal);
        Assert.Contains("1 Again (1m)   2 Hard (6m)   3 Good (10m)   4 Easy (8d)", first.Out, StringComparison.Ordinal);
        Assert.Contains("Good: next in 10m", first.Out, StringComparison.Ordinal);
        Assert.Contains("Again: next in 1m", first.Out, StringComparison.Ordinal);
        Assert.Contains("reviewed 2 card(s); 1 still due", first.Out, StringComparison.Ordinal);

        var second = await CliProcess.RunWithInputAsync(Data, "\n4\n", "review", "--json");
        Assert.True(second.ExitCode == 0, second.Error);
        var session = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal(1, session.GetProperty("reviewed").GetInt32());
        var grade = session.GetProperty("grades")[0];
        Assert.Equal(cards[2], grade.GetProperty("cardId").GetString());
        Assert.Equal("easy", grade.GetProperty("rating").GetString());
        Assert.Equal(8, grade.GetProperty("intervalDays").GetDouble());

        var list = JsonDocument.Parse((await CliProcess.RunAsync(Data, "cards", "list", "--json")).Out).RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal("learning", list[cards[0]].GetProperty("state").GetString());
        Assert.Equal(1, list[cards[1]].GetProperty("reps").GetInt32());
        Assert.Equal("review", list[cards[2]].GetProperty("state").GetString());
        Assert.Equal(item, list[cards[2]].GetProperty("itemId").GetString());

        var progress = JsonDocument.Parse((await CliProcess.RunAsync(Data, "progress", "--json")).Out).RootElement;
        Assert.Equal(3, progress.GetProperty("reviewsTotal").GetInt32());
        Assert.Equal(1, progress.GetProperty("streakDays").GetInt32());
        Assert.Equal(3, progress.GetProperty("decks")[0].GetProperty("cards").GetInt32());
        Assert.Equal(3, progress.GetProperty("forecast").EnumerateArray().Sum(day => day.GetInt32()));
        var text = await CliProcess.RunAsync(Data, "progress");
        Assert.Contains("true retention", text.Out, StringComparison.Ordinal);
        Assert.Contains("forecast, next 30 days", text.Out, StringComparison.Ordinal);

        var optimize = await CliProcess.RunAsync(Data, "learn", "optimize");
        Assert.True(optimize.ExitCode == 0, optimize.Error);
        Assert.Contains("no review history to fit yet", optimize.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_PipedAnswers_ScoredWithLinksToWhatWasMissed()
    {
        var item = await AddNoteAsync("Paris is the capital of France. Rome is the capital of Italy. Madrid is the capital of Spain. Vienna is the capital of Austria.", "Capitals", "geo");
        foreach (var (country, city) in new[] { ("France", "Paris"), ("Italy", "Rome"), ("Spain", "Madrid"), ("Austria", "Vienna") })
        {
            Assert.Equal(0, (await CliProcess.RunAsync(Data, "card", "add", item, "--front", $"Capital of {country}?", "--back", city)).ExitCode);
        }

        // The same seed gives the same quiz: read its answers once, then answer two right and two wrong.
        var key = JsonDocument.Parse((await CliProcess.RunWithInputAsync(Data, string.Empty, "quiz", "--tag", "geo", "--count", "4", "--seed", "5", "--json")).Out).RootElement;
        var questions = key.GetProperty("questions").EnumerateArray().ToArray();
        Assert.Equal(0, key.GetProperty("correct").GetInt32());
        Assert.All(questions, q => Assert.Equal("multiple-choice", q.GetProperty("kind").GetString()));
        var right = questions.Select(q => (q.GetProperty("choices").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(q.GetProperty("answer").GetString()) + 1).ToString()).ToArray();
        var input = $"{right[0]}\n{questions[1].GetProperty("answer").GetString()}\n{(right[2] == "1" ? "2" : "1")}\nnonsense\n";

        var quiz = await CliProcess.RunWithInputAsync(Data, input, "quiz", "--tag", "geo", "--count", "4", "--seed", "5");

        Assert.True(quiz.ExitCode == 0, quiz.Error);
        Assert.Contains("score: 2/4 (50", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("to read again:", quiz.Out, StringComparison.Ordinal);
        Assert.Contains($"Q3: {questions[2].GetProperty("answer").GetString()} — Capitals", quiz.Out, StringComparison.Ordinal);
        Assert.Contains($"[{item}]", quiz.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardsExportImport_CsvRoundTripIntoAnotherBase_AndSuspendHidesFromReview()
    {
        var item = await AddNoteAsync("Mitochondria make ATP for the cell.", "Cells", "bio");
        var add = await CliProcess.RunAsync(Data, "card", "highlight", item, "--passage", "Mitochondria make ATP", "--note", "What makes ATP, \"mostly\"?", "--json");
        Assert.True(add.ExitCode == 0, add.Error);
        var card = JsonDocument.Parse(add.Out).RootElement;
        Assert.Equal(0, card.GetProperty("spanStart").GetInt32());
        var file = _directory.Combine("cards.csv");

        var export = await CliProcess.RunAsync(Data, "cards", "export", "--format", "csv", "--output", file);
        var import = await CliProcess.RunAsync(_directory.Combine("other"), "cards", "import", file, "--json");
        var suspend = await CliProcess.RunAsync(Data, "card", "suspend", card.GetProperty("id").GetString()!);
        var review = await CliProcess.RunWithInputAsync(Data, "\n3\n", "review");
        var bad = await CliProcess.RunAsync(Data, "card", "add", "NOSUCHITEM", "--front", "q", "--back", "a");

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.StartsWith("#separator:comma", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(1, JsonDocument.Parse(import.Out).RootElement.GetProperty("added").GetInt32());
        var imported = JsonDocument.Parse((await CliProcess.RunAsync(_directory.Combine("other"), "cards", "list", "--json")).Out).RootElement[0];
        Assert.Equal("What makes ATP, \"mostly\"?", imported.GetProperty("front").GetString());
        Assert.Equal("bio", imported.GetProperty("deck").GetString());
        Assert.Equal(0, suspend.ExitCode);
        Assert.Contains("nothing is due", review.Out, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("no item matches 'NOSUCHITEM'", bad.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private async Task<string> AddNoteAsync(string text, string title, string? tag = null)
    {
        string[] args = tag is null ? ["add", "-", "--title", title, "--json"] : ["add", "-", "--title", title, "--tag", tag, "--json"];
        var add = await CliProcess.RunWithInputAsync(Data, text, args);
        Assert.True(add.ExitCode == 0, add.Error);
        return JsonDocument.Parse(add.Out).RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!;
    }
}
