using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Core.Items;

namespace Strata.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Item id (or its first characters)" };
        var noText = new Option<bool>("--no-text") { Description = "Metadata only" };
        var command = new Command("show", "Show an item: metadata, tags and text") { id, noText };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var item = await kb.GetAsync(parse.GetValue(id)!, cancellationToken);
            if (item is null)
            {
                Terminal.Error($"no item matches '{parse.GetValue(id)}'");
                return ExitCodes.Failed;
            }

            // Opening an item keeps it out of the digest's resurfaced ("from your archive") section for a while.
            await kb.MarkOpenedAsync(item.Id, cancellationToken);
            var structure = await ShowStructure.LoadAsync(kb, item, cancellationToken);
            var summary = (await kb.GetSummariesAsync(item.Id, cancellationToken)).FirstOrDefault();
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(ToJson(item) with { Structure = structure, Summary = summary?.Text, SummaryMethod = summary?.Method, SummaryModel = summary?.Model }, CliJson.Relaxed.ItemJson);
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            void Row(string name, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    grid.AddRow($"[grey]{name}[/]", Terminal.Escape(value));
                }
            }

            Row("id", item.Id);
            Row("title", item.DisplayTitle);
            Row("kind", item.Kind.ToString().ToLowerInvariant());
            Row("state", item.State.ToString().ToLowerInvariant() + (item.Error is null ? string.Empty : " (failed)"));
            Row("error", item.Error);
            Row("url", item.Url);
            Row("canonical", item.CanonicalUrl != item.Url ? item.CanonicalUrl : null);
            Row("path", item.SourcePath);
            Row("byline", item.Byline);
            Row("site", item.SiteName);
            Row("published", item.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row("collected", item.CollectedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            Row("language", item.Language);
            Row("words", item.WordCount == 0 ? null : $"{item.WordCount} ({item.ReadingMinutes} min read)");
            Row("pages", item.Pages.Count == 0 ? null : item.Pages.Count.ToString(CultureInfo.InvariantCulture));
            Row("tags", string.Join(", ", item.Tags.Select(tag => tag.Origin == TagOrigin.User ? tag.Name : $"{tag.Name} ({tag.Origin.ToString().ToLowerInvariant()})")));
            Row("original", item.ContentHash is null ? null : $"{item.MediaType} · {item.ByteSize:N0} bytes · sha256 {item.ContentHash}");
            Row("summary", summary is null ? null : $"{summary.Text} ({summary.Method}{(summary.Model is null ? string.Empty : ", " + summary.Model)})");
            if (structure is not null)
            {
                ShowStructure.AddRows(structure, Row);
            }

            Terminal.Write(grid);
            if (!parse.GetValue(noText) && !string.IsNullOrEmpty(item.Text))
            {
                Terminal.Line();
                Terminal.Line(item.Text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static ItemJson ToJson(Item item) => new(
        item.Id, item.DisplayTitle, item.Url, item.SourcePath, item.Kind.ToString().ToLowerInvariant(), item.State.ToString().ToLowerInvariant(),
        item.Status.ToString().ToLowerInvariant(), item.Language, item.Tags.Select(tag => tag.Name).ToArray(), item.Text, item.ContentHash, item.MediaType,
        item.ByteSize, item.CollectedAt, item.PublishedAt, item.Byline, item.SiteName, item.CanonicalUrl, item.Excerpt, item.WordCount, item.ReadingMinutes,
        item.Error, item.Pages.Select(page => new PageJson(page.Number, page.Start, page.Length)).ToArray(), item.Metadata.ToDictionary());
}
