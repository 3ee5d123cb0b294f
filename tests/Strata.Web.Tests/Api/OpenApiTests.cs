using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_lists_every_route_family_with_names_and_summaries()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var document = await Json.GetAsync(client, "/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/items", "/api/v1/items/{id}", "/api/v1/items/{id}/tags", "/api/v1/items/{id}/highlights", "/api/v1/search",
            "/api/v1/sources", "/api/v1/sources/{id}/run", "/api/v1/sources/{id}/pause", "/api/v1/tags", "/api/v1/tags/merge",
            "/api/v1/digests", "/api/v1/digests/{id}", "/api/v1/ask", "/api/v1/usage",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }

        var search = paths.GetProperty("/api/v1/search").GetProperty("get");
        Assert.Equal("Search", search.GetProperty("operationId").GetString());
        Assert.Contains("query language", search.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(paths.TryGetProperty("/assets/{name}", out _));
    }
}
