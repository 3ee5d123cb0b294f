using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Strata.Hosting;
using Strata.Hosting.Audio;
using Strata.Mcp;
using Strata.Web.Api;
using Strata.Web.Endpoints;
using Strata.Web.Hosting;
using Strata.Web.Security;

namespace Strata.Web;

/// <summary>Builds the web server (UI, REST API, OpenAPI) over one open knowledge base.</summary>
public static class StrataWebServer
{
    /// <summary>Room above the upload limit for the rest of a multipart form.</summary>
    private const long FormOverheadBytes = 1024 * 1024;

    /// <summary>How many files of the largest size one upload may carry.</summary>
    private const int UploadFilesPerRequest = 4;

    /// <param name="knowledgeBase">The open base every request uses (the caller disposes it after the server stops).</param>
    /// <param name="urls">Addresses to listen on (default: the config's <c>Web.Urls</c>).</param>
    /// <param name="configure">Lets the caller add endpoints (MCP, podcast) before the server starts.</param>
    /// <param name="cancellationToken">Cancels the checks before building.</param>
    /// <exception cref="WebStartupException">A bad address, or a non-loopback address with no password or API token configured.</exception>
    public static async Task<WebApplication> BuildAsync(
        KnowledgeBase knowledgeBase, string? urls = null, Action<WebApplication>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = knowledgeBase.Options.Web;
        var addresses = ListenAddresses.Split(urls ?? options.Urls);
        var invalid = addresses.FirstOrDefault(address => !ListenAddresses.IsValid(address));
        if (addresses.Count == 0 || invalid is not null)
        {
            throw new WebStartupException($"not a listen address: '{invalid ?? urls}' (use e.g. http://127.0.0.1:5080)");
        }

        var loopbackOnly = addresses.All(ListenAddresses.IsLoopback);
        var hasAuthentication = await knowledgeBase.HasAuthenticationAsync(cancellationToken).ConfigureAwait(false);
        if (!loopbackOnly && !hasAuthentication)
        {
            throw new WebStartupException(
                $"refusing to listen on {string.Join(", ", addresses.Where(address => !ListenAddresses.IsLoopback(address)))} without authentication: " +
                "set a password with 'strata password' or create an API token with 'strata token create --name <name>' first");
        }

        var requireAuthentication = !loopbackOnly || options.RequireAuth;
        if (requireAuthentication && !hasAuthentication)
        {
            throw new WebStartupException("Web.RequireAuth is on but no password or API token exists: run 'strata password' or 'strata token create --name <name>'");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Strata.Web", ContentRootPath = knowledgeBase.DataDirectory });
        builder.WebHost.UseUrls([.. addresses]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Several files may come in one upload; each is held to the per-file limit when the form is read.
            kestrel.Limits.MaxRequestBodySize = (options.MaxUploadBytes * UploadFilesPerRequest) + FormOverheadBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        AddServices(builder.Services, knowledgeBase, requireAuthentication, options.SessionLifetime, options.MaxUploadBytes);
        builder.Services.AddSingleton(_ => new SearchAdmission(options)); // made by the container, so it disposes the turns

        var app = builder.Build();
        app.UseServerTiming();
        app.UseIdleMemoryTrimmer(app.Services.GetRequiredService<IdleMemoryTrimmer>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStrataSecurityHeaders();
        app.UseStrataRequestGuard(loopbackOnly);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseSearchAdmission(app.Services.GetRequiredService<SearchAdmission>());

        app.MapAssets();
        app.MapAuth();
        app.MapLibrary();
        app.MapSearchPages();
        app.MapReader();
        app.MapAdd();
        app.MapSourcePages();
        app.MapTagPages();
        app.MapInsightPages();
        app.MapReviewPages();
        app.MapStrataApi();

        // Podcast apps cannot sign in: the feed is guarded by Podcast.Token (or served to loopback clients only).
        app.MapStrataPodcast(knowledgeBase).AllowAnonymous();

        // Agents reach the same base over MCP's streamable HTTP transport, behind the same authentication as the API.
        var mcp = app.MapStrataMcp();
        if (requireAuthentication)
        {
            mcp.RequireAuthorization(StrataClaims.AuthenticatedPolicy);
        }

        configure?.Invoke(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, KnowledgeBase knowledgeBase, bool requireAuthentication, TimeSpan sessionLifetime, long maxUploadBytes)
    {
        services.AddSingleton(knowledgeBase);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IdleMemoryTrimmer>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleMemoryTrimmer>());
        services.AddSingleton<Rendering.TagListCache>();
        services.AddRazorComponents();
        services.AddStrataMcp(new StrataMcpOptions { ReadOnly = knowledgeBase.Options.Web.McpReadOnly });
        services.AddProblemDetails();
        services.AddStrataApi();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "strata.af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = (maxUploadBytes * UploadFilesPerRequest) + FormOverheadBytes);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));

        services.AddAuthentication(StrataClaims.EitherScheme)
            .AddPolicyScheme(StrataClaims.EitherScheme, "cookie or bearer token", policy => policy.ForwardDefaultSelector = context =>
                RequestKinds.HasBearerToken(context.Request) ? StrataClaims.TokenScheme : StrataClaims.CookieScheme)
            .AddCookie(StrataClaims.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "strata.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = sessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(StrataClaims.TokenScheme, null);

        services.AddAuthorization(authorization =>
        {
            var authenticated = new AuthorizationPolicyBuilder(StrataClaims.EitherScheme).RequireAuthenticatedUser().Build();
            authorization.AddPolicy(StrataClaims.AuthenticatedPolicy, authenticated);
            // Everything needs a signed-in user when authentication is on; login and assets opt out.
            authorization.FallbackPolicy = requireAuthentication ? authenticated : null;
        });
    }

    /// <summary>Browsers go to the login page; API and MCP clients get a status and a problem document.</summary>
    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/mcp") || path.StartsWithSegments("/openapi"))
        {
            return Results.Problem(statusCode: status, detail: status == StatusCodes.Status401Unauthorized
                ? "sign in, or send an API token as 'Authorization: Bearer <token>' (create one with 'strata token create --name <name>')"
                : "not allowed").ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
