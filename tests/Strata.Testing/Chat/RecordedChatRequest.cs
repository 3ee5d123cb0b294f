namespace Strata.Testing.Chat;

/// <summary>One chat request as <see cref="FakeChatServer"/> received it, with the usage it reported back.</summary>
/// <param name="Path">/v1/chat/completions or /api/chat.</param>
/// <param name="Body">The raw JSON body.</param>
/// <param name="Model">The model asked for.</param>
/// <param name="Prompt">Every message's content, joined by newlines.</param>
/// <param name="Reply">What the server answered.</param>
/// <param name="PromptTokens">Input tokens the server reported.</param>
/// <param name="CompletionTokens">Output tokens the server reported.</param>
public sealed record RecordedChatRequest(string Path, string Body, string Model, string Prompt, string Reply, int PromptTokens, int CompletionTokens);
