using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Strata.AI;

/// <summary>The prompts Strata sends, in one place. Sources are numbered so that answers can cite them as [n].</summary>
public static class Prompts
{
    /// <summary>What the model replies when the sources do not answer the question.</summary>
    public const string NoAnswer = "NO_ANSWER";

    public const string SummaryHeading = "SUMMARY:";
    public const string KeyPointsHeading = "KEY POINTS:";

    public static IReadOnlyList<ChatMessage> SummarizeItem(string title, string text) =>
    [
        new(ChatRole.System,
            "You summarize documents faithfully, in the document's own language. Use only what the document says. " +
            $"Reply in exactly this form:\n{SummaryHeading}\n<a summary of 2 to 4 sentences>\n{KeyPointsHeading}\n- <point>\n- <point>\n(3 to 5 points)."),
        new(ChatRole.User, $"Title: {title}\n\nDocument:\n{text}"),
    ];

    public static IReadOnlyList<ChatMessage> SummarizeSet(string topic, IReadOnlyList<(int Number, string Title, string Text)> sources) =>
    [
        new(ChatRole.System,
            "You write one summary of several saved documents. Use only the numbered sources. After every statement, cite the sources it " +
            "comes from as [n] (e.g. [1] or [2][3]). Group related points; mention disagreements. Write in the sources' language."),
        new(ChatRole.User, $"Topic: {topic}\n\n{Sources(sources)}\nWrite the summary."),
    ];

    public static IReadOnlyList<ChatMessage> Ask(string question, IReadOnlyList<(int Number, string Title, string Text)> sources) =>
    [
        new(ChatRole.System,
            "You answer questions only from the numbered sources below, which are passages from the user's own saved documents. " +
            "Cite every statement with the number of its source in square brackets, e.g. [1] or [2][3]. " +
            $"If the sources do not contain the answer, reply with exactly {NoAnswer} and nothing else. Never use outside knowledge."),
        new(ChatRole.User, $"{Sources(sources)}\nQuestion: {question}"),
    ];

    /// <summary>One numbered source as it appears in a prompt; the packer counts tokens of exactly this text.</summary>
    public static string Source(int number, string title, string text) => string.Create(CultureInfo.InvariantCulture, $"[{number}] {title}\n{text}\n\n");

    /// <summary>Tokens of a prompt's fixed part (instructions and question), for packing sources around it.</summary>
    public static int OverheadTokens(IReadOnlyList<ChatMessage> emptyPrompt) => emptyPrompt.Sum(message => TokenCounter.Count(message.Text) + 4);

    /// <summary>Reads a reply in the <see cref="SummarizeItem"/> form; a reply without headings is taken whole as the summary.</summary>
    public static (string Summary, IReadOnlyList<string> KeyPoints) ParseSummary(string reply)
    {
        var text = reply.Trim();
        var keyAt = text.IndexOf(KeyPointsHeading, StringComparison.OrdinalIgnoreCase);
        var summary = keyAt >= 0 ? text[..keyAt] : text;
        var summaryAt = summary.IndexOf(SummaryHeading, StringComparison.OrdinalIgnoreCase);
        if (summaryAt >= 0)
        {
            summary = summary[(summaryAt + SummaryHeading.Length)..];
        }

        var points = keyAt < 0 ? [] : text[(keyAt + KeyPointsHeading.Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('-', '*', '•', ' '))
            .Where(line => line.Length > 0)
            .ToArray();
        return (summary.Trim(), points);
    }

    private static string Sources(IReadOnlyList<(int Number, string Title, string Text)> sources)
    {
        var text = new StringBuilder("Sources:\n\n");
        foreach (var (number, title, body) in sources)
        {
            text.Append(Source(number, title, body));
        }

        return text.ToString();
    }
}
