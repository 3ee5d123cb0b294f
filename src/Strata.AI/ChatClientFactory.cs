using System.ClientModel;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Strata.AI;

/// <summary>Makes the configured chat client, wrapped in the ledger (tokens, cost, cache, budgets); null when no model is configured.</summary>
public static class ChatClientFactory
{
    public const string DefaultOpenAiEndpoint = "https://api.openai.com/v1";
    public const string DefaultOllamaEndpoint = "http://localhost:11434";

    /// <summary>The provider's client without the ledger.</summary>
    public static IChatClient? CreateRaw(ChatModelOptions options)
    {
        if (!options.IsEnabled)
        {
            return null;
        }

        return string.Equals(options.Provider, ChatModelOptions.Ollama, StringComparison.OrdinalIgnoreCase) ? CreateOllama(options) : CreateOpenAi(options);
    }

    // Each provider in a method of its own: a process without a model never loads either client library (~2 MB resident in a server).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IChatClient CreateOllama(ChatModelOptions options)
    {
        var http = new HttpClient { BaseAddress = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? DefaultOllamaEndpoint : options.Endpoint), Timeout = options.Timeout };
        return new OllamaApiClient(http, options.Model);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IChatClient CreateOpenAi(ChatModelOptions options)
    {
        var client = new OpenAI.Chat.ChatClient(
            options.Model,
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions { Endpoint = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? DefaultOpenAiEndpoint : options.Endpoint), NetworkTimeout = options.Timeout });
        return client.AsIChatClient();
    }

    /// <summary>The configured client behind <see cref="LedgerChatClient"/>, or null when <see cref="ChatModelOptions.Provider"/> is none.</summary>
    public static IChatClient? Create(ChatModelOptions options, ModelLedger ledger)
    {
        var raw = CreateRaw(options);
        return raw is null ? null : new LedgerChatClient(raw, ledger, options.Provider.ToLowerInvariant(), options.Model);
    }
}
