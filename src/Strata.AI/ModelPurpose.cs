using Microsoft.Extensions.AI;
using Strata.Core.Ledger;

namespace Strata.AI;

/// <summary>Carries a call's purpose (summary, ask, …) to the ledger through the options' additional properties.</summary>
public static class ModelPurpose
{
    public const string PropertyName = "strata.purpose";

    public static ChatOptions Chat(string purpose, ChatOptions? options = null)
    {
        options ??= new ChatOptions();
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyName] = purpose;
        return options;
    }

    public static EmbeddingGenerationOptions Embedding(string purpose, EmbeddingGenerationOptions? options = null)
    {
        options ??= new EmbeddingGenerationOptions();
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyName] = purpose;
        return options;
    }

    /// <summary>Marks a call whose answer must be fresh (e.g. a regenerated summary): the cache is not read, only refreshed.</summary>
    public const string FreshProperty = "strata.fresh";

    public static ChatOptions Fresh(ChatOptions options)
    {
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[FreshProperty] = true;
        return options;
    }

    public static bool IsFresh(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(FreshProperty, out var value) == true && value is true;

    public static string Of(AdditionalPropertiesDictionary? properties, string fallback) =>
        properties?.TryGetValue(PropertyName, out var value) == true && value is string purpose ? purpose : fallback;

    /// <summary>The purpose chat calls are booked under when none is given.</summary>
    public const string DefaultChat = ModelPurposes.Ask;
}
