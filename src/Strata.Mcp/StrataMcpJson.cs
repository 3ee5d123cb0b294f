using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using Strata.Mcp.Results;

namespace Strata.Mcp;

/// <summary>How tool results are written: camelCase, nulls left out, source-generated for our result types.</summary>
public static class StrataMcpJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
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
