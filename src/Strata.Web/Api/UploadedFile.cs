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

        var folder = Path.Combine(kb.DataDirectory, "tmp", "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, SafeName(file.FileName));
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            var add = new AddOptions
            {
                Title = string.IsNullOrWhiteSpace(form["title"]) ? null : form["title"].ToString(),
                Tags = ApiQuery.List([.. form["tags"].Where(tag => tag is not null).Select(tag => tag!)]),
            };
            return AddItemApi.Respond(await kb.AddAsync([path], add, null, cancellationToken));
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
