using Microsoft.Extensions.AI;
using Strata.AI;
using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Ledger;
using Strata.Core.Storage;

namespace Strata.Hosting;

/// <summary>What tagging with the chat model did to one item.</summary>
public sealed record LlmTagging(string ItemId, string Title, IReadOnlyList<string> Applied, IReadOnlyList<string> Proposed);

/// <summary>The outcome of a model tagging pass; <see cref="Notice"/> says why it stopped early (no model, budget).</summary>
public sealed record LlmTaggingReport(IReadOnlyList<LlmTagging> Items, string? Notice);

public sealed partial class KnowledgeBase
{
    /// <summary>Confidence recorded for a tag the model chose from the taxonomy (it gives no probability).</summary>
    private const double LlmTagConfidence = 0.8;

    /// <summary>
    /// Asks the chat model to tag items, choosing from the existing taxonomy first so tags do not sprawl: its picks
    /// from the taxonomy are applied (origin <c>llm</c>), new tags it proposes wait in the review inbox, and tags you
    /// rejected for an item are never applied. Calls are recorded in the ledger under the <c>tag</c> purpose.
    /// </summary>
    /// <param name="ids">Items to tag; when empty, the newest items that have no tags yet.</param>
    /// <param name="limit">Most items when <paramref name="ids"/> is empty.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<LlmTaggingReport> TagWithModelAsync(IReadOnlyList<string> ids, int limit, CancellationToken cancellationToken)
    {
        if (_chat is null)
        {
            return new LlmTaggingReport([], "no chat model is configured: set Chat.Provider and Chat.Model in strata.json (learned tags and rules still work without one)");
        }

        var taxonomy = (await _classificationStore.ListTagCountsAsync(cancellationToken).ConfigureAwait(false)).Select(tag => tag.Tag).ToHashSet(StringComparer.Ordinal);
        var rejections = await _classificationStore.ReadRejectionsAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<Item>();
        if (ids.Count > 0)
        {
            foreach (var id in ids)
            {
                items.Add(await GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"no item matches '{id}'"));
            }
        }
        else
        {
            foreach (var summary in (await _store.ListAsync(new ItemFilter { Limit = Math.Max(limit * 4, limit) }, cancellationToken).ConfigureAwait(false))
                .Where(summary => summary.Tags.Count == 0).Take(limit))
            {
                if (await _store.GetAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        var results = new List<LlmTagging>();
        var chat = Options.Chat;
        foreach (var item in items)
        {
            var room = chat.ContextTokens - chat.MaxOutputTokens - TokenCounter.Count(LlmTagReply.Prompt(taxonomy, item.DisplayTitle, string.Empty)) - (int)(chat.ContextTokens * ContextMargin);
            string reply;
            try
            {
                var response = await _chat.GetResponseAsync(
                    LlmTagReply.Prompt(taxonomy, item.DisplayTitle, TokenCounter.Truncate(item.Text ?? string.Empty, Math.Max(0, room))),
                    ModelPurpose.Chat(ModelPurposes.Tag, new ChatOptions { MaxOutputTokens = 200 }), cancellationToken).ConfigureAwait(false);
                reply = response.Text;
            }
            catch (ModelBudgetExceededException exception)
            {
                return new LlmTaggingReport(results, exception.Message + "; items keep their learned and rule tags");
            }

            var (existing, proposed) = LlmTagReply.Parse(reply, taxonomy);
            var applied = existing.Where(tag => !rejections.Contains((item.Id, tag)) && item.Tags.All(have => have.Name != tag)).ToArray();
            var inbox = proposed.Where(tag => !rejections.Contains((item.Id, tag))).ToArray();
            if (applied.Length > 0)
            {
                await _store.UpdateTagsAsync(item.Id, applied.Select(tag => new ItemTag(tag, TagOrigin.Llm, LlmTagConfidence)).ToArray(), [], cancellationToken).ConfigureAwait(false);
            }

            await _classificationStore.AddSuggestionsAsync(item.Id, inbox.Select(tag => new TagSuggestion(tag, TagOrigin.Llm, LlmTagConfidence)).ToArray(), cancellationToken).ConfigureAwait(false);
            results.Add(new LlmTagging(item.Id, item.DisplayTitle, applied, inbox));
        }

        // Applied tags are indexed too: the items were queued again.
        await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        return new LlmTaggingReport(results, null);
    }
}
