using System.Text.RegularExpressions;

namespace Strata.Web.Tests;

/// <summary>Reads what a browser would submit from a page's forms.</summary>
public static partial class Forms
{
    /// <summary>Loads <paramref name="path"/> (setting the antiforgery cookie) and returns the token its forms carry.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"no antiforgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
