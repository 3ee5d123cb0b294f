using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class ApiAuthTests
{
    [Fact]
    public async Task With_auth_required_a_valid_bearer_token_is_accepted_and_a_missing_or_wrong_one_gets_401()
    {
        string? secret = null;
        await using var server = await WebServer.StartAsync(
            async kb => secret = (await kb.CreateApiTokenAsync("phone", CancellationToken.None)).Secret,
            options => options.Web.RequireAuth = true);
        using var anonymous = server.CreateClient();
        using var wrong = server.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "strata_not-a-real-token");
        using var phone = server.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var missing = await Json.GetAsync(anonymous, "/api/v1/items", HttpStatusCode.Unauthorized);
        await Json.GetAsync(wrong, "/api/v1/items", HttpStatusCode.Unauthorized);
        await Json.PostAsync(anonymous, "/api/v1/items", new { note = "sneaky" }, HttpStatusCode.Unauthorized);
        await Json.GetAsync(anonymous, "/openapi/v1.json", HttpStatusCode.Unauthorized);
        var added = await Json.PostAsync(phone, "/api/v1/items", new { note = "Saved from the phone." }, HttpStatusCode.Created);
        var listed = await Json.GetAsync(phone, "/api/v1/items");

        Assert.Contains("Bearer", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(added.GetProperty("id").GetString(), Assert.Single(Json.Strings(listed.GetProperty("items"), "id")));
        Assert.NotNull((await server.KnowledgeBase.ListApiTokensAsync(CancellationToken.None)).Single().LastUsedAt);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_works()
    {
        string? secret = null;
        await using var server = await WebServer.StartAsync(
            async kb => secret = (await kb.CreateApiTokenAsync("laptop", CancellationToken.None)).Secret,
            options => options.Web.RequireAuth = true);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await Json.GetAsync(client, "/api/v1/tags");

        Assert.True(await server.KnowledgeBase.RevokeApiTokenAsync("laptop", CancellationToken.None));

        await Json.GetAsync(client, "/api/v1/tags", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_browser_must_send_the_antiforgery_header_to_change_things_through_the_api()
    {
        await using var server = await WebServer.StartAsync(kb => kb.SetPasswordAsync("correct horse battery", CancellationToken.None), options => options.Web.RequireAuth = true);
        using var browser = server.CreateClient();
        var loginToken = await Forms.AntiforgeryTokenAsync(browser, "/login");
        using var login = await browser.PostAsync("/login", new FormUrlEncodedContent([
            new("Password", "correct horse battery"), new("__RequestVerificationToken", loginToken), new("ReturnUrl", "/")]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var listed = await Json.GetAsync(browser, "/api/v1/items");
        var refused = await Json.PostAsync(browser, "/api/v1/items", new { note = "Forged?" }, HttpStatusCode.Forbidden);
        var pageToken = await Forms.AntiforgeryTokenAsync(browser, "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/items") { Content = JsonContent.Create(new { note = "Saved from the reader page." }) };
        request.Headers.Add("RequestVerificationToken", pageToken);
        using var accepted = await browser.SendAsync(request);

        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
        Assert.Contains("RequestVerificationToken", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Json.ReadAsync(accepted, HttpStatusCode.Created);
    }

    [Fact]
    public async Task On_loopback_without_auth_a_token_less_client_may_use_the_api_but_not_cross_site()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/items") { Content = JsonContent.Create(new { note = "From another site" }) };
        request.Headers.Add("Origin", "https://evil.example");

        using var crossSite = await client.SendAsync(request);
        await Json.PostAsync(client, "/api/v1/items", new { note = "From curl on this machine." }, HttpStatusCode.Created);

        await Json.ReadAsync(crossSite, HttpStatusCode.Forbidden);
        Assert.Single(await server.KnowledgeBase.ListAsync(new Strata.Core.Storage.ItemFilter(), CancellationToken.None));
    }
}
