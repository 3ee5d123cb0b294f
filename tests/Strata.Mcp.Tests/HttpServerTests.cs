using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using Strata.Hosting;
using Xunit;

namespace Strata.Mcp.Tests;

/// <summary>
/// The streamable HTTP transport mounted the way <c>strata serve</c> mounts it: a real Kestrel app on loopback with
/// <c>AddStrataMcp</c>/<c>MapStrataMcp</c>, behind a bearer-token scheme standing in for the server's authentication.
/// </summary>
public sealed class HttpServerTests : IAsyncLifetime
{
    private const string Token = "test-token-7f3a";

    private readonly McpBase _base = new();
    private KnowledgeBase? _kb;
    private WebApplication? _app;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        await _base.SeedAsync();
        _kb = await _base.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_kb);
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddStrataMcp();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapStrataMcp().RequireAuthorization();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _endpoint = new Uri(address.TrimEnd('/') + StrataMcpHttp.DefaultPattern);
    }

    [Fact]
    public async Task CoreCalls_OverHttp_WorkAndRecordProvenance()
    {
        await using var client = await ConnectAsync(Token);

        Assert.Contains("add", (await client.ListToolsAsync()).Select(tool => tool.Name));
        await CoreCalls.RunAsync(client, _base);
    }

    [Fact]
    public async Task Request_WithoutOrWithWrongToken_IsRejected()
    {
        using var http = new HttpClient();
        using var request = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(_endpoint, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        foreach (var token in new[] { null, "wrong-token" })
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync(token));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using var client = await ConnectAsync(Token);
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    private async Task<McpClient> ConnectAsync(string? token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = _endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await McpClient.CreateAsync(transport, McpClients.Options, cancellationToken: timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_kb is not null)
        {
            await _kb.DisposeAsync();
        }

        _base.Dispose();
    }

    /// <summary>A minimal bearer-token scheme: the request must carry exactly <see cref="Token"/>.</summary>
    private sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Bearer";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (header.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            return Task.FromResult(header == "Bearer " + Token
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "owner")], SchemeName)), SchemeName))
                : AuthenticateResult.Fail("wrong token"));
        }
    }
}
