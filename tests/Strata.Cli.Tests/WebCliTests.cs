using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class WebCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-web-cli");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task Token_create_prints_the_secret_once_list_hides_it_and_revoke_removes_it()
    {
        var created = await CliProcess.RunAsync(Data, "token", "create", "--name", "phone", "--json");
        var duplicate = await CliProcess.RunAsync(Data, "token", "create", "--name", "phone");
        var listed = await CliProcess.RunAsync(Data, "token", "list", "--json");
        var revoked = await CliProcess.RunAsync(Data, "token", "revoke", "phone");
        var again = await CliProcess.RunAsync(Data, "token", "revoke", "phone");
        var empty = await CliProcess.RunAsync(Data, "token", "list", "--json");

        Assert.Equal(0, created.ExitCode);
        var token = JsonDocument.Parse(created.Out).RootElement;
        Assert.StartsWith("strata_", token.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.Error, StringComparison.Ordinal);
        var entry = Assert.Single(JsonDocument.Parse(listed.Out).RootElement.EnumerateArray());
        Assert.Equal("phone", entry.GetProperty("name").GetString());
        Assert.False(entry.TryGetProperty("secret", out _));
        Assert.DoesNotContain(token.GetProperty("secret").GetString()!, listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(empty.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Password_reads_stdin_refuses_short_ones_prints_a_hash_and_clears()
    {
        var tooShort = await CliProcess.RunWithInputAsync(Data, "short\n", "password");
        var set = await CliProcess.RunWithInputAsync(Data, "correct horse battery\n", "password");
        var hash = await CliProcess.RunWithInputAsync(Data, "another long password\n", "password", "--print-hash");
        var cleared = await CliProcess.RunAsync(Data, "password", "--clear");

        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("at least 8", tooShort.Error, StringComparison.Ordinal);
        Assert.Equal(0, set.ExitCode);
        Assert.Equal(0, hash.ExitCode);
        Assert.True(Strata.Hosting.Web.PasswordHash.Verify("another long password", hash.Out.Trim()), hash.Out);
        Assert.Equal(0, cleared.ExitCode);
        await using var kb = await Strata.Hosting.KnowledgeBase.OpenAsync(new Strata.Hosting.Configuration.DataDirectory(Data));
        Assert.False(await kb.HasAuthenticationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Serve_on_all_addresses_without_auth_exits_with_a_clear_error()
    {
        var refused = await CliProcess.RunAsync(Data, "serve", "--urls", $"http://0.0.0.0:{LoopbackPorts.GetClosedPort()}");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("refusing to listen on http://0.0.0.0", refused.Error, StringComparison.Ordinal);
        Assert.Contains("strata password", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_auth_required_answers_a_created_token_and_refuses_requests_without_it()
    {
        Directory.CreateDirectory(Data);
        await File.WriteAllTextAsync(Path.Combine(Data, "strata.json"), """{ "Web": { "RequireAuth": true } }""");
        var secret = JsonDocument.Parse((await CliProcess.RunAsync(Data, "token", "create", "--name", "script", "--json")).Out).RootElement.GetProperty("secret").GetString();
        Assert.Equal(0, (await CliProcess.RunWithInputAsync(Data, "Lighthouse keepers trimmed the wicks.", "add", "-")).ExitCode);
        var port = LoopbackPorts.GetClosedPort();

        using var server = CliProcess.Start(Data, false, "serve", "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilListeningAsync(client, server);
            using var anonymous = await client.GetAsync("/api/v1/search?q=wicks");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var authorised = await client.GetAsync("/api/v1/search?q=wicks");

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
            var results = JsonDocument.Parse(await authorised.Content.ReadAsStringAsync()).RootElement.GetProperty("results");
            Assert.Contains("wicks", Assert.Single(results.EnumerateArray()).GetProperty("snippet").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    public void Dispose() => _directory.Dispose();

    private static async Task WaitUntilListeningAsync(HttpClient client, System.Diagnostics.Process server)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                Assert.Fail("strata serve exited: " + await server.StandardError.ReadToEndAsync());
            }

            try
            {
                using var response = await client.GetAsync("/login");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("strata serve did not start listening within 60 s");
    }
}
