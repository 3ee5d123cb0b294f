using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using Strata.Mcp.Results;

namespace Strata.Mcp;

/// <summary>How tool results are written: camelCase, nulls left out, non-ASCII text unescaped, source-generated for our result types.</summary>
public static class StrataMcpJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The JSON is read by a model: CJK and accents stay themselves instead of \uXXXX (six tokens' worth each).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StrataMcpJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SearchPage))]
[JsonSerializable(typeof(SearchHitView[]))]
[JsonSerializable(typeof(ItemView))]
[JsonSerializable(typeof(RecentPage))]
[JsonSerializable(typeof(AddedItem))]
[JsonSerializable(typeof(TaggedItem))]
[JsonSerializable(typeof(AnswerView))]
[JsonSerializable(typeof(DigestView))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int?))]
internal sealed partial class StrataMcpJsonContext : JsonSerializerContext;
