using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace Strata.Semantic.Embeddings;

/// <summary>Posts one JSON request and reads one JSON answer, turning failures into <see cref="EmbeddingException"/>s classified as transient or not.</summary>
internal static class HttpEmbeddingClient
{
    public static async Task<TResponse> PostAsync<TRequest, TResponse>(
        HttpClient http, Uri url, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(url, body, requestType, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new EmbeddingException($"cannot reach the embedding server at {url}: {exception.Message}", isTransient: true, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmbeddingException($"the embedding server at {url} did not answer in time", isTransient: true, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
                throw new EmbeddingException($"the embedding server at {url} answered {status} {response.ReasonPhrase}: {Shorten(detail)}", transient);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false)
                    ?? throw new EmbeddingException($"the embedding server at {url} sent an empty answer", isTransient: false);
            }
            catch (System.Text.Json.JsonException exception)
            {
                throw new EmbeddingException($"the embedding server at {url} sent an answer that is not embedding JSON: {exception.Message}", isTransient: false, exception);
            }
        }
    }

    public static Uri Combine(string? endpoint, string fallback, string route)
    {
        var root = string.IsNullOrWhiteSpace(endpoint) ? fallback : endpoint.Trim();
        return new Uri(root.TrimEnd('/') + "/" + route.TrimStart('/'));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "…";
}
