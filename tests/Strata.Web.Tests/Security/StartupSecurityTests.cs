using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Web.Tests.Security;

public sealed class StartupSecurityTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.10:5080")]
    public async Task Refuses_a_non_loopback_address_without_credentials(string urls)
    {
        using var directory = new TempDirectory();
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Path));

        var refusal = await Assert.ThrowsAsync<WebStartupException>(() => StrataWebServer.BuildAsync(kb, urls));

        Assert.Contains("without authentication", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("strata password", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builds_for_a_non_loopback_address_once_a_token_exists()
    {
        using var directory = new TempDirectory();
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Path));
        await kb.CreateApiTokenAsync("phone", CancellationToken.None);

        await using var app = await StrataWebServer.BuildAsync(kb, "http://0.0.0.0:0");

        Assert.NotNull(app);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    public async Task Rejects_a_malformed_address_with_a_clear_message(string urls)
    {
        using var directory = new TempDirectory();
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Path));

        var refusal = await Assert.ThrowsAsync<WebStartupException>(() => StrataWebServer.BuildAsync(kb, urls));

        Assert.StartsWith("not a listen address", refusal.Message, StringComparison.Ordinal);
    }
}
