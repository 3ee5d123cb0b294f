using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Strata.AI;
using Strata.Core.Ledger;
using Strata.Hosting.Ask;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>A passage must hold at least this share of the question's content terms to count as relevant.</summary>
    public const double MinAnswerCoverage = 0.5;

    /// <summary>Share of the context window kept free for tokenizer differences between models.</summary>
    private const double ContextMargin = 0.05;

    /// <summary>
    /// Where <see cref="AskAsync"/> gets its passages: keyword passages by default; a hybrid (keyword + vector)
    /// retriever can replace it. Set it before use, not while questions are being answered.
    /// </summary>
    public IPassageRetriever PassageRetriever { get; set; }

    /// <summary>
    /// Answers a question from the base with numbered citations. With a chat model: the best passages, packed
    /// into its context window, and an answer citing them; without one (or when the ask budget is spent, or the
    /// model fails): the best passages with the answering sentences marked. When no passage is relevant, says so.
    /// </summary>
    public async Task<AskAnswer> AskAsync(string question, IReadOnlyList<string> tags, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var passages = await PassageRetriever.RetrieveAsync(new PassageQuery(question, tags, since), cancellationToken).ConfigureAwait(false);
        var relevant = passages.Where(passage => passage.Coverage >= MinAnswerCoverage).ToArray();
        if (relevant.Length == 0)
        {
            return NotFound(question, null);
        }

        string? notice = null;
        if (_chat is not null)
        {
            var packed = PackForModel(question, relevant);
            try
            {
                var response = await _chat.GetResponseAsync(
                    Prompts.Ask(question, Numbered(packed)), ModelPurpose.Chat(ModelPurposes.Ask, new ChatOptions { MaxOutputTokens = Options.Chat.MaxOutputTokens }), cancellationToken).ConfigureAwait(false);
                var text = response.Text.Trim();
                if (text.Length == 0 || text.Contains(Prompts.NoAnswer, StringComparison.Ordinal))
                {
                    return NotFound(question, Options.Chat.Model);
                }

                var cited = CitedNumbers(text, packed.Count);
                var citations = packed.Select((passage, index) => ToCitation(index + 1, passage, cited.Contains(index + 1))).ToArray();
                return new AskAnswer(question, AnswerKind.Generated, text, citations, Options.Chat.Model, null);
            }
            catch (ModelBudgetExceededException exception)
            {
                notice = exception.Message;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                notice = ModelFailed(exception);
            }
        }

        return ExtractiveAnswer.Build(question, relevant, notice);
    }

    /// <summary>The passages (best first) that fit the model's context next to the instructions and the question.</summary>
    private IReadOnlyList<Passage> PackForModel(string question, IReadOnlyList<Passage> passages)
    {
        var chat = Options.Chat;
        var budget = chat.ContextTokens - chat.MaxOutputTokens - Prompts.OverheadTokens(Prompts.Ask(question, [])) - (int)(chat.ContextTokens * ContextMargin);
        return ContextPacker.Pack(passages, budget, (number, passage) => Prompts.Source(number, SourceTitle(passage), passage.Text));
    }

    private static (int Number, string Title, string Text)[] Numbered(IReadOnlyList<Passage> passages) =>
        passages.Select((passage, index) => (index + 1, SourceTitle(passage), passage.Text)).ToArray();

    private static string SourceTitle(Passage passage) => passage.Page is { } page ? $"{passage.Title} (page {page})" : passage.Title;

    private static Citation ToCitation(int number, Passage passage, bool cited) =>
        new(number, passage.ItemId, passage.Title, passage.Url, passage.Path, passage.Page, passage.Start, passage.Length, passage.Text, cited);

    private static AskAnswer NotFound(string question, string? model) =>
        new(question, AnswerKind.NotFound, "Nothing in the knowledge base answers this question.", [], model, null);

    /// <summary>The citation numbers in <paramref name="text"/> that refer to one of the <paramref name="count"/> sources.</summary>
    internal static HashSet<int> CitedNumbers(string text, int count) =>
        [.. CitationPattern().Matches(text).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Where(n => n >= 1 && n <= count)];

    private static string ModelFailed(Exception exception) =>
        $"the chat model failed ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}); using the classical method";

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationPattern();
}
