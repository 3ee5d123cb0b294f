using System.Net;
using Xunit;

namespace Strata.Web.Tests.Security;

public sealed class RequestSecurityTests
{
    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_no_framing()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy.Split("style-src")[0], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_loopback_server_refuses_a_foreign_host_header()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_cross_site_post_is_refused_and_changes_nothing()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("A note about compilers.", "Compilers");
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/bulk")
        {
            Content = new FormUrlEncodedContent([new("ids", id), new("action", "archive")]),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Strata.Core.Items.ItemStatus.Inbox, (await server.KnowledgeBase.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("A note about parsers.", "Parsers");
        using var client = server.CreateClient();

        using var response = await client.PostAsync("/items/bulk", new FormUrlEncodedContent([new("ids", id), new("action", "archive")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Strata.Core.Items.ItemStatus.Inbox, (await server.KnowledgeBase.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task With_a_password_pages_require_sign_in_and_the_session_cookie_is_http_only_and_same_site()
    {
        await using var server = await WebServer.StartAsync(kb => kb.SetPasswordAsync("correct horse", CancellationToken.None), options => options.Web.RequireAuth = true);
        using var client = server.CreateClient();

        using var anonymous = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var token = await Forms.AntiforgeryTokenAsync(client, "/login");
        using var wrong = await client.PostAsync("/login", new FormUrlEncodedContent([new("password", "wrong"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var right = await client.PostAsync("/login", new FormUrlEncodedContent([new("password", "correct horse"), new("__RequestVerificationToken", token), new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("strata.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var signedIn = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_login_redirect_never_leaves_the_site()
    {
        await using var server = await WebServer.StartAsync(kb => kb.SetPasswordAsync("pw", CancellationToken.None), options => options.Web.RequireAuth = true);
        using var client = server.CreateClient();
        var token = await Forms.AntiforgeryTokenAsync(client, "/login");

        using var response = await client.PostAsync("/login", new FormUrlEncodedContent([new("password", "pw"), new("__RequestVerificationToken", token), new("returnUrl", "//evil.example/")]));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
