using Microsoft.AspNetCore.Http;
using Strata.Hosting;
using Strata.Hosting.Ingest;

namespace Strata.Web.Api;

/// <summary>
/// Adds an uploaded file: written under the data directory's <c>tmp/uploads</c> with a sanitised name (never a path
/// the client chose), added like a local file (its bytes are archived by hash), then the temporary copy is removed.
/// </summary>
internal static class UploadedFile
{
    public static async Task<IResult> AddAsync(HttpContext context, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var limit = kb.Options.Web.MaxUploadBytes;
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(limit);
        }

        var file = form.Files["file"] ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
        {
            return ApiProblems.BadRequest("send the file in a multipart/form-data field named 'file'");
        }

        if (file.Length > limit)
        {
            return TooLarge(limit);
        }

        var add = new AddOptions
        {
            Title = string.IsNullOrWhiteSpace(form["title"]) ? null : form["title"].ToString(),
            Tags = ApiQuery.List([.. form["tags"].Where(tag => tag is not null).Select(tag => tag!)]),
        };
        return AddItemApi.Respond(await IngestAsync(kb, [file], add, cancellationToken));
    }

    /// <summary>Stages uploaded files in a fresh folder of the data directory, adds them like local files, then removes the copies.</summary>
    internal static async Task<IngestReport> IngestAsync(KnowledgeBase kb, IReadOnlyList<IFormFile> files, AddOptions add, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(kb.DataDirectory, "tmp", "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>();
            foreach (var file in files)
            {
                // Only the file's own name is kept (numbered when two collide), so a crafted name cannot leave the folder.
                var name = SafeName(file.FileName);
                var path = Path.Combine(folder, paths.Count == 0 ? name : $"{paths.Count}-{name}");
                await using (var target = File.Create(path))
                {
                    await file.CopyToAsync(target, cancellationToken);
                }

                paths.Add(path);
            }

            return paths.Count == 0 ? new IngestReport([], processed: true) : await kb.AddAsync(paths, add, null, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The file name alone, without directories, hidden-file dots or characters the file system refuses.</summary>
    internal static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/').Split('/')[^1]).TrimStart('.');
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. bare.Select(character => invalid.Contains(character) || char.IsControl(character) ? '_' : character)]);
        return safe.Length == 0 ? "upload" : safe.Length > 120 ? safe[^120..] : safe;
    }

    private static IResult TooLarge(long limit) => ApiProblems.TooLarge(
        $"the upload is larger than the limit of {limit:N0} bytes (Web.MaxUploadBytes in strata.json)");
}
