using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Strata.AI;

/// <summary>The prompt cache's key: SHA-256 of the model, the reply limits and every message (role and text).</summary>
internal static class PromptCacheKey
{
    public static string For(string model, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var text = new StringBuilder(model).Append('\n')
            .Append(options?.MaxOutputTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append(options?.Temperature?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var message in messages)
        {
            text.Append(message.Role.Value).Append('\u001f').Append(message.Text).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The messages as one text, for counting their tokens when the provider reports none.</summary>
    public static string PromptText(IReadOnlyList<ChatMessage> messages) => string.Join('\n', messages.Select(message => message.Text));
}
