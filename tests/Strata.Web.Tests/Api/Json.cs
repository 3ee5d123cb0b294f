using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Strata.Web.Tests.Api;

/// <summary>Sends API calls and reads their JSON answers.</summary>
internal static class Json
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        return await ReadAsync(response, expected);
    }

    /// <summary>Asserts the status, and for errors that the body is a problem document; returns the parsed body (or an empty object for 204).</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement;
    }

    public static string[] Strings(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(element => element.GetProperty(property).GetString()!)];
}
