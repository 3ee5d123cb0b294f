namespace Strata.AI;

/// <summary>The chat model (section <c>Chat</c>). With <see cref="Provider"/> <c>none</c> (the default) every feature uses its classical method.</summary>
public sealed class ChatModelOptions
{
    public const string None = "none";
    public const string OpenAi = "openai";
    public const string Ollama = "ollama";

    /// <summary><c>none</c>, <c>openai</c> (any OpenAI-compatible <c>/v1/chat/completions</c> server) or <c>ollama</c>.</summary>
    public string Provider { get; set; } = None;

    /// <summary>The server: for openai the base including <c>/v1</c> (default https://api.openai.com/v1); for ollama its root (default http://localhost:11434).</summary>
    public string? Endpoint { get; set; }

    public string Model { get; set; } = string.Empty;

    /// <summary>From the environment only (<c>STRATA__CHAT__APIKEY</c>); never write it into strata.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model's context window, in tokens: prompts are packed to fit it (less <see cref="MaxOutputTokens"/>).</summary>
    public int ContextTokens { get; set; } = 8192;

    /// <summary>Most tokens a reply may have.</summary>
    public int MaxOutputTokens { get; set; } = 700;

    /// <summary>Price per million input tokens of <see cref="Model"/>, in your currency (also settable in <c>Usage.Prices</c>).</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>Price per million output tokens of <see cref="Model"/>.</summary>
    public decimal OutputPricePerMillion { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    public bool IsEnabled => !string.Equals(Provider, None, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(Provider);

    /// <summary>One message per problem with these settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsEnabled)
        {
            return problems;
        }

        if (!string.Equals(Provider, OpenAi, StringComparison.OrdinalIgnoreCase) && !string.Equals(Provider, Ollama, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Chat.Provider must be none, openai or ollama (not '{Provider}')");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add("Chat.Model is required when Chat.Provider is set");
        }

        if (!string.IsNullOrWhiteSpace(Endpoint) && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            problems.Add($"Chat.Endpoint is not an absolute URL: '{Endpoint}'");
        }

        if (ContextTokens < 512 || MaxOutputTokens < 16 || MaxOutputTokens >= ContextTokens)
        {
            problems.Add("Chat.ContextTokens must be at least 512 and larger than Chat.MaxOutputTokens (at least 16)");
        }

        return problems;
    }
}
