using System.Text.Json;

namespace Strata.Core.Memory;

/// <summary>
/// The prompt asking a chat model for question–answer cards, and its reply: a JSON array of
/// <c>{"question", "answer", "quote"}</c>, possibly wrapped in prose or a code fence. The quote (a sentence copied from
/// the text) ties each card to its passage; a card whose quote is not found keeps no span.
/// </summary>
public static class QuestionCardReply
{
    public static string Prompt(string title, string text, int count) =>
        $"Write up to {count} flashcards that test understanding of the key ideas of the document below. Each question must be " +
        "answerable from the document alone; answers are short (a phrase or one sentence). For each card copy the sentence of " +
        "the document that supports it, word for word.\n" +
        "Reply with JSON only: [{\"question\": \"...\", \"answer\": \"...\", \"quote\": \"...\"}]\n\n" +
        $"Title: {title}\n\n{text}";

    /// <summary>The drafts in the reply (at most <paramref name="max"/>); an unreadable reply gives none.</summary>
    public static IReadOnlyList<CardDraft> Parse(string reply, string itemId, string text, int max)
    {
        var start = reply.IndexOf('[', StringComparison.Ordinal);
        var end = reply.LastIndexOf(']');
        if (start < 0 || end <= start)
        {
            return [];
        }

        var drafts = new List<CardDraft>();
        try
        {
            using var document = JsonDocument.Parse(reply[start..(end + 1)]);
            foreach (var card in document.RootElement.EnumerateArray())
            {
                if (card.ValueKind != JsonValueKind.Object || Text(card, "question") is not { Length: > 0 } question || Text(card, "answer") is not { Length: > 0 } answer)
                {
                    continue;
                }

                var quote = Text(card, "quote") ?? string.Empty;
                var (spanStart, spanEnd) = PassageLocator.Find(text, quote);
                drafts.Add(new CardDraft(CardKind.QuestionAnswer, CardOrigin.Llm, question, answer, itemId, quote, spanStart, spanEnd));
                if (drafts.Count == max)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            return drafts;
        }

        return drafts;
    }

    private static string? Text(JsonElement card, string name) =>
        card.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
}
