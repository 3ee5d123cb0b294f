using System.Text.Json.Serialization;

namespace Strata.Cli.Output;

/// <summary>JSON shapes of <c>strata token</c> (<c>--json</c>); the secret appears only when a token is created.</summary>
internal sealed record TokenJson(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, string? Secret);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenJson))]
[JsonSerializable(typeof(TokenJson[]))]
internal sealed partial class WebJson : JsonSerializerContext;
