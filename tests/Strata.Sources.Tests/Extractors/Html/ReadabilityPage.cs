using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Strata.Sources.Tests.Extractors.Html;

/// <summary>One page of Mozilla Readability's test suite: the source bytes and the expected article and metadata.</summary>
internal sealed record ReadabilityPage(string Name, byte[] Source, string ExpectedText, string? ExpectedTitle, string? ExpectedByline)
{
    private const string DataFolder = "shared/data/readability/test/test-pages";

    /// <summary>All pages sorted by name, or an empty list when the data folder is not found above the test's base directory.</summary>
    public static IReadOnlyList<ReadabilityPage> LoadAll()
    {
        var root = FindDataFolder();
        if (root is null)
        {
            return [];
        }

        var parser = new HtmlParser();
        var pages = new List<ReadabilityPage>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(folder, "source.html");
            var expected = Path.Combine(folder, "expected.html");
            var metadataPath = Path.Combine(folder, "expected-metadata.json");
            if (!File.Exists(source) || !File.Exists(expected) || !File.Exists(metadataPath))
            {
                continue;
            }

            using var expectedDocument = parser.ParseDocument(File.ReadAllText(expected));
            using var metadata = JsonDocument.Parse(File.ReadAllText(metadataPath));
            pages.Add(new ReadabilityPage(
                Path.GetFileName(folder),
                File.ReadAllBytes(source),
                expectedDocument.DocumentElement.TextContent,
                StringOrNull(metadata.RootElement, "title"),
                StringOrNull(metadata.RootElement, "byline")));
        }

        return pages;
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FindDataFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DataFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            var sibling = Path.Combine(directory.FullName, "..", DataFolder);
            if (Directory.Exists(sibling))
            {
                return Path.GetFullPath(sibling);
            }
        }

        return null;
    }
}
