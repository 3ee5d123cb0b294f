using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Strata.Hosting;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class AskTool(KnowledgeBase kb, TimeProvider time)
{
    public const string Name = "ask";

    /// <summary>Longest question accepted.</summary>
    public const int MaxQuestionChars = 2_000;

    [McpServerTool(Name = Name, Title = "Ask the knowledge base", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Answer a question from the user's knowledge base only, with numbered citations ([1], [2]) to the passages used (item id, title, page, character offsets).
        With a chat model configured the answer is written from the passages (kind=generated); without one the best passages are returned with the answering sentences in **bold** (kind=extractive).
        When nothing in the base answers, kind=notfound and no answer is made up.
        """)]
    public async Task<AnswerView> AskAsync(
        [Description("The question, in natural language.")] string question,
        [Description("Only use items carrying this tag.")] string? tag = null,
        [Description("Only use items collected since: an ISO date or a span ago (7d, 2w).")] string? since = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new McpException("give a question");
        }

        if (question.Length > MaxQuestionChars)
        {
            throw new McpException($"the question is {question.Length} characters; at most {MaxQuestionChars} are accepted");
        }

        var from = string.IsNullOrWhiteSpace(since) ? (DateTimeOffset?)null : Since.Parse(since, time.GetUtcNow());
        var answer = await kb.AskAsync(question.Trim(), string.IsNullOrWhiteSpace(tag) ? [] : [tag.Trim()], from, cancellationToken).ConfigureAwait(false);
        return new AnswerView(
            answer.Question, answer.Kind.ToString().ToLowerInvariant(), Views.Bold(answer.Text),
            answer.Citations.Select(citation => new CitationView(citation.Number, citation.ItemId, citation.Title, citation.Url, citation.Path, citation.Page, citation.Start, citation.Length, citation.Cited, citation.Passage)).ToArray(),
            answer.Model, answer.Notice);
    }
}
