using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Web.Components;
using Strata.Web.Security;

namespace Strata.Web.Endpoints;

/// <summary>Signing in with the password (or an API token, for a phone without the password) and signing out.</summary>
internal static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl) => Pages.Render<LoginPage>(new { ReturnUrl = returnUrl })).AllowAnonymous();

        app.MapPost("/login", async ([FromForm] LoginForm form, HttpContext context, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var password = form.Password ?? string.Empty;
            string? credential = null;
            if (await kb.VerifyPasswordAsync(password, cancellationToken))
            {
                credential = "password";
            }
            else if (await kb.AuthenticateTokenAsync(password, cancellationToken) is { } token)
            {
                credential = "token:" + token.Name;
            }

            if (credential is null)
            {
                // A slow answer to a wrong guess makes guessing slower, whatever the hash costs.
                await Task.Delay(TimeSpan.FromMilliseconds(400), cancellationToken);
                return (IResult)Pages.Render<LoginPage>(new { form.ReturnUrl, Failed = true }, StatusCodes.Status401Unauthorized);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "owner"), new Claim(StrataClaims.CredentialClaim, credential)], StrataClaims.CookieScheme);
            await context.SignInAsync(StrataClaims.CookieScheme, new ClaimsPrincipal(identity));
            return Pages.Back(form.ReturnUrl);
        }).AllowAnonymous();

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(StrataClaims.CookieScheme);
            return Results.LocalRedirect("/login");
        });
    }

    internal sealed class LoginForm
    {
        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
