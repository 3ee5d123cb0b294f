using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Hosting.Ingest;
using Strata.Web.Components;

namespace Strata.Web.Endpoints;

/// <summary>The Add page: a URL (also the share and bookmarklet target), a note, or uploaded files.</summary>
internal static class AddEndpoints
{
    public static void MapAdd(this IEndpointRouteBuilder app)
    {
        app.MapGet("/add", (string? url, string? title, string? notice, KnowledgeBase kb) => Page(kb, url: url, title: title, notice: notice));

        app.MapPost("/add/url", async ([FromForm] AddForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            if (!Uri.TryCreate(form.Url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return Page(kb, url: form.Url, title: form.Title, errors: ["Give a web address starting with http:// or https://"]);
            }

            var report = await kb.AddAsync([uri.AbsoluteUri], Options(form), null, cancellationToken);
            return Outcome(kb, report, form);
        });

        app.MapPost("/add/note", async ([FromForm] AddForm form, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var report = await kb.AddNoteAsync(form.Text ?? string.Empty, Options(form), null, cancellationToken);
            return Outcome(kb, report, form);
        });

        app.MapPost("/add/upload", async ([FromForm] UploadForm form, IFormFileCollection files, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            if (files.Count == 0)
            {
                return Page(kb, errors: ["Choose at least one file"]);
            }

            var tooLarge = files.Where(file => file.Length > kb.Options.Web.MaxUploadBytes).Select(file => $"{file.FileName}: larger than the {kb.Options.Web.MaxUploadBytes / (1024 * 1024)} MB upload limit").ToArray();
            var folder = Path.Combine(kb.DataDirectory, "uploads", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var paths = new List<string>();
                foreach (var file in files.Where(file => file.Length <= kb.Options.Web.MaxUploadBytes))
                {
                    // Only the file's own name is kept, so a crafted name cannot write outside the upload folder.
                    var path = Path.Combine(folder, UploadName(file.FileName, paths.Count));
                    await using (var target = File.Create(path))
                    {
                        await file.CopyToAsync(target, cancellationToken);
                    }

                    paths.Add(path);
                }

                var report = paths.Count == 0 ? new IngestReport([], processed: true) : await kb.AddAsync(paths, new AddOptions { Tags = Tags(form.Tags) }, null, cancellationToken);
                return Outcome(kb, report, new AddForm(), tooLarge);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
    }

    /// <summary>A safe file name for an upload: the last path segment with invalid characters replaced.</summary>
    internal static string UploadName(string? fileName, int index)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }

        name = name.Trim().TrimStart('.');
        return name.Length == 0 ? $"upload-{index}" : name.Length > 120 ? name[^120..] : name;
    }

    private static IResult Outcome(KnowledgeBase kb, IngestReport report, AddForm form, IReadOnlyList<string>? extraErrors = null)
    {
        var errors = report.Entries.Where(entry => entry.Outcome == IngestOutcome.Failed).Select(entry => $"{Path.GetFileName(entry.Origin)}: {entry.Message}").Concat(extraErrors ?? []).ToArray();
        var stored = report.Entries.Where(entry => entry.Outcome != IngestOutcome.Failed && entry.ItemId is not null).ToArray();
        if (errors.Length > 0)
        {
            var notice = stored.Length > 0 ? $"Saved {stored.Length} item(s)." : null;
            return Page(kb, url: form.Url, title: form.Title, notice: notice, errors: errors);
        }

        if (stored.Length == 1)
        {
            var message = stored[0].Outcome == IngestOutcome.AlreadyPresent ? "Already in your library" : "Saved";
            return Results.LocalRedirect($"/items/{stored[0].ItemId}?notice={Uri.EscapeDataString(message)}");
        }

        return Results.LocalRedirect("/?view=all&notice=" + Uri.EscapeDataString($"Saved {stored.Count(entry => entry.Outcome == IngestOutcome.Added)} new item(s), {stored.Count(entry => entry.Outcome == IngestOutcome.AlreadyPresent)} already present"));
    }

    private static IResult Page(KnowledgeBase kb, string? url = null, string? title = null, string? notice = null, IReadOnlyList<string>? errors = null) =>
        Pages.Render<AddPage>(
            new { Url = url, Title = title, Notice = notice, Errors = errors ?? [], MaxUploadMegabytes = kb.Options.Web.MaxUploadBytes / (1024 * 1024) },
            errors is { Count: > 0 } ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);

    private static AddOptions Options(AddForm form) => new() { Title = string.IsNullOrWhiteSpace(form.Title) ? null : form.Title.Trim(), Tags = Tags(form.Tags) };

    private static string[] Tags(string? tags) =>
        (tags ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal sealed class AddForm
    {
        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Tags { get; set; }
    }

    internal sealed class UploadForm
    {
        public string? Tags { get; set; }
    }
}
