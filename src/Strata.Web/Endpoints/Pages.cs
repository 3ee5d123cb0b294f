using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Strata.Web.Endpoints;

/// <summary>Renders a Razor component as a whole HTML page (static server rendering, no circuit).</summary>
internal static class Pages
{
    public static RazorComponentResult<TPage> Render<TPage>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters) { StatusCode = statusCode, ContentType = "text/html; charset=utf-8" };

    /// <summary>A redirect back to a page of this site (never elsewhere: open redirects are refused).</summary>
    public static IResult Back(string? returnUrl, string fallback = "/") =>
        Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : fallback);

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
