using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strata.Hosting.Configuration;
using Strata.Web.Hosting;
using Xunit;

namespace Strata.Web.Tests.Hosting;

public sealed class SearchAdmissionTests
{
    [Fact]
    public async Task SearchRoutes_TakeTurns_OtherRoutesDoNot()
    {
        await using var server = await WebServer.StartAsync();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        string? PolicyOf(string route) => endpoints
            .Where(endpoint => endpoint.RoutePattern.RawText == route && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(endpoint => endpoint.Metadata.GetMetadata<SearchTurnMetadata>() is null ? null : "turn")
            .Single();

        Assert.Equal("turn", PolicyOf("/api/v1/search"));
        Assert.Equal("turn", PolicyOf("/search"));
        Assert.Equal("turn", PolicyOf("/search/results"));
        Assert.Null(PolicyOf("/api/v1/items/"));
    }

    [Fact]
    public async Task Searches_AnswerWithTheirTimeInTheServer()
    {
        await using var server = await WebServer.StartAsync();
        await server.AddNoteAsync("Spaced repetition schedules reviews at growing intervals.", "Review note");
        using var client = server.CreateClient();

        using var response = await client.GetAsync(new Uri("api/v1/search?q=repetition", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        // e.g. "app;dur=3.10, wait;dur=0.02": the whole time in the server and the part spent waiting for a turn
        var metrics = string.Join(", ", response.Headers.GetValues(ServerTiming.Header)).Split(", ")
            .Select(metric => metric.Split(";dur="))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.InRange(metrics[ServerTiming.Metric], 0.0, 30_000.0);
        Assert.InRange(metrics[ServerTiming.WaitMetric], 0.0, metrics[ServerTiming.Metric]);

        using var page = await client.GetAsync(new Uri("api/v1/items", UriKind.Relative));
        Assert.StartsWith(ServerTiming.Metric + ";dur=", Assert.Single(page.Headers.GetValues(ServerTiming.Header)), StringComparison.Ordinal);
    }

    [Fact]
    public void Permits_AreFourPerProcessor_UnlessConfigured()
    {
        Assert.Equal(4 * Environment.ProcessorCount, SearchAdmission.Permits(new WebOptions()));
        Assert.Equal(3, SearchAdmission.Permits(new WebOptions { SearchConcurrency = 3 }));
        Assert.Contains(new WebOptions { SearchQueue = -1 }.Validate(), problem => problem.Contains("SearchQueue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheTurnsAreTaken_SearchesWaitInLine_AndBeyondTheQueueAreToldToRetry()
    {
        await using var server = await WebServer.StartAsync(configure: options =>
        {
            options.Web.SearchConcurrency = 1;
            options.Web.SearchQueue = 1;
        });
        await server.AddNoteAsync("Retrieval practice strengthens memory.", "Practice");
        using var client = server.CreateClient();
        var turns = server.Services.GetRequiredService<SearchAdmission>().Turns;
        var search = new Uri("api/v1/search?q=memory", UriKind.Relative);

        var held = await turns.AcquireAsync(1);
        Assert.True(held.IsAcquired);
        var waiting = client.GetAsync(search);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (turns.GetStatistics()?.CurrentQueuedCount != 1 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, turns.GetStatistics()?.CurrentQueuedCount); // the first waits in line
        using (var refused = await client.GetAsync(search)) // the queue is full: busy, come back
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(SearchAdmission.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture), Assert.Single(refused.Headers.GetValues("Retry-After")));
        }

        using (var items = await client.GetAsync(new Uri("api/v1/items", UriKind.Relative))) // other routes never wait for a search turn
        {
            items.EnsureSuccessStatusCode();
        }

        Assert.False(waiting.IsCompleted);
        held.Dispose();
        using var answered = await waiting;
        answered.EnsureSuccessStatusCode();
        Assert.Contains("Practice", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
