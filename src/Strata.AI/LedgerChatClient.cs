using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Strata.Core.Ledger;

namespace Strata.AI;

/// <summary>
/// Records every chat call in the token ledger (tokens from the provider's usage report, else counted; latency;
/// cost), answers identical prompts from the prompt cache, and refuses calls once the purpose's daily budget is
/// spent (<see cref="ModelBudgetExceededException"/>). The purpose travels in the options (<see cref="ModelPurpose"/>).
/// </summary>
public sealed class LedgerChatClient(IChatClient inner, ModelLedger ledger, string provider, string model) : DelegatingChatClient(inner)
{
    /// <summary>Set on a response's additional properties when it came from the cache.</summary>
    public const string CachedProperty = "strata.cached";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToArray();
        var purpose = ModelPurpose.Of(options?.AdditionalProperties, ModelPurpose.DefaultChat);
        var modelId = options?.ModelId ?? model;
        var key = ledger.Usage.Cache ? PromptCacheKey.For(modelId, list, options) : null;
        if (key is not null && !ModelPurpose.IsFresh(options?.AdditionalProperties) && await ledger.Store.GetCachedResponseAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            await ledger.RecordAsync(new LedgerEntry(ledger.Time.GetUtcNow(), provider, modelId, purpose, 0, 0, TimeSpan.Zero, 0, Cached: true), cancellationToken).ConfigureAwait(false);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, cached)) { ModelId = modelId, AdditionalProperties = new() { [CachedProperty] = true } };
        }

        await ledger.EnsureBudgetAsync(purpose, cancellationToken).ConfigureAwait(false);
        var at = ledger.Time.GetUtcNow();
        var started = ledger.Time.GetTimestamp();
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        var latency = ledger.Time.GetElapsedTime(started);
        await RecordAsync(at, modelId, purpose, list, response.Usage, response.Text, latency, cancellationToken).ConfigureAwait(false);
        if (key is not null && !string.IsNullOrEmpty(response.Text))
        {
            await ledger.Store.PutCachedResponseAsync(key, modelId, response.Text, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToArray();
        var purpose = ModelPurpose.Of(options?.AdditionalProperties, ModelPurpose.DefaultChat);
        var modelId = options?.ModelId ?? model;
        await ledger.EnsureBudgetAsync(purpose, cancellationToken).ConfigureAwait(false);
        var at = ledger.Time.GetUtcNow();
        var started = ledger.Time.GetTimestamp();
        var text = new System.Text.StringBuilder();
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage = content.Details;
            }

            yield return update;
        }

        await RecordAsync(at, modelId, purpose, list, usage, text.ToString(), ledger.Time.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
    }

    private Task RecordAsync(DateTimeOffset at, string modelId, string purpose, IReadOnlyList<ChatMessage> prompt, UsageDetails? usage, string reply, TimeSpan latency, CancellationToken cancellationToken)
    {
        var counted = usage?.InputTokenCount is null || usage.OutputTokenCount is null;
        var input = usage?.InputTokenCount ?? TokenCounter.Count(PromptCacheKey.PromptText(prompt));
        var output = usage?.OutputTokenCount ?? TokenCounter.Count(reply);
        var entry = new LedgerEntry(at, provider, modelId, purpose, input, output, latency, ledger.Cost(modelId, input, output), Counted: counted);
        return ledger.RecordAsync(entry, cancellationToken);
    }
}
