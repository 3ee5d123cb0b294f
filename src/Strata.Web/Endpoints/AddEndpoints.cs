using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Hosting.Ingest;
using Strata.Web.Api;
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

        app.MapPost("/add/upload", async (HttpContext context, IAntiforgery antiforgery, KnowledgeBase kb, CancellationToken cancellationToken) =>
        {
            var limit = kb.Options.Web.MaxUploadBytes;
            IFormCollection form;
            try
            {
                // Read by hand (not bound) so an oversized upload becomes a clear message on the page, not a bare 400.
                form = await context.Request.ReadFormAsync(cancellationToken);
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
            {
                return Page(kb, errors: [$"upload refused: {Megabytes(limit)} MB per file at most ({exception.Message.TrimEnd('.')})"], status: StatusCodes.Status413PayloadTooLarge);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "the form expired or did not come from this site: reload the page and try again");
            }

            var files = form.Files;
            if (files.Count == 0)
            {
                return Page(kb, errors: ["Choose at least one file"]);
            }

            var tooLarge = files.Where(file => file.Length > limit).Select(file => $"{UploadedFile.SafeName(file.FileName)}: larger than the {Megabytes(limit)} MB upload limit").ToArray();
            var accepted = files.Where(file => file.Length <= limit).ToArray();
            var report = accepted.Length == 0 ? new IngestReport([], processed: true)
                : await UploadedFile.IngestAsync(kb, accepted, new AddOptions { Tags = Tags(form["tags"]) }, cancellationToken);
            return Outcome(kb, report, new AddForm(), tooLarge);
        });
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

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

    private static IResult Page(KnowledgeBase kb, string? url = null, string? title = null, string? notice = null, IReadOnlyList<string>? errors = null, int? status = null) =>
        Pages.Render<AddPage>(
            new { Url = url, Title = title, Notice = notice, Errors = errors ?? [], MaxUploadMegabytes = Megabytes(kb.Options.Web.MaxUploadBytes) },
            status ?? (errors is { Count: > 0 } ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK));

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

}
