using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Strata.Hosting;
using Strata.Hosting.Ingest;

namespace Strata.Web.Api;

/// <summary><c>POST /api/v1/items</c>: a URL or a note as JSON, or a file as <c>multipart/form-data</c>.</summary>
internal static class AddItemApi
{
    public static void MapAddItemApi(this RouteGroupBuilder items) =>
        items.MapPost("/", AddAsync).WithName("AddItem")
            .WithSummary("Add a web page or a note (JSON), or upload a file (multipart/form-data)")
            .WithDescription("JSON: { \"url\": \"https://…\" } or { \"note\": \"Markdown text\" }, with optional title, tags and force. " +
                "Multipart: a 'file' field (at most Web.MaxUploadBytes) with optional 'title' and 'tags' (comma-separated) fields. " +
                "Answers 201 when added, 200 when the same page or bytes were already in the base, 422 when the page could not be fetched or read.")
            // One Accepts: routing matches the request's content type against the last one given.
            .Accepts<AddItemRequest>("application/json", "multipart/form-data")
            .Produces<AddItemResponse>(StatusCodes.Status201Created)
            .Produces<AddItemResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> AddAsync(HttpContext context, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (context.Request.HasFormContentType)
        {
            return await UploadedFile.AddAsync(context, kb, cancellationToken);
        }

        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.BadRequest("send JSON ({\"url\": …} or {\"note\": …}) or a multipart/form-data upload with a 'file' field");
        }

        AddItemRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<AddItemRequest>(cancellationToken);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return ApiProblems.BadRequest($"the body is not valid JSON for this request: {exception.Message}");
        }

        if (request is null || (string.IsNullOrWhiteSpace(request.Url) == string.IsNullOrWhiteSpace(request.Note)))
        {
            return ApiProblems.BadRequest("give exactly one of 'url' (an http or https address) or 'note' (text)");
        }

        var add = new AddOptions { Title = request.Title, Tags = request.Tags ?? [], Force = request.Force };
        if (request.Url is { } url && !string.IsNullOrWhiteSpace(url))
        {
            // Only web addresses: a path would let an API client read files of the server.
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                return ApiProblems.BadRequest($"'{url}' is not an http or https address");
            }

            return Respond(await kb.AddAsync([address.ToString()], add, null, cancellationToken));
        }

        return Respond(await kb.AddNoteAsync(request.Note!, add, null, cancellationToken));
    }

    /// <summary>201 for a new item, 200 for one already there, 422 with the reason when adding failed.</summary>
    internal static IResult Respond(IngestReport report)
    {
        var entry = report.Entries.FirstOrDefault();
        if (entry is null)
        {
            return TypedResults.Problem("nothing was added", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not added");
        }

        var body = new AddItemResponse(entry.Outcome switch
        {
            IngestOutcome.Added => "added",
            IngestOutcome.AlreadyPresent => "alreadyPresent",
            _ => "failed",
        }, entry.ItemId, entry.Title, entry.Message);
        return entry.Outcome switch
        {
            IngestOutcome.Added => TypedResults.Created($"{ApiEndpoints.Prefix}/items/{entry.ItemId}", body),
            IngestOutcome.AlreadyPresent => TypedResults.Ok(body),
            _ => TypedResults.Problem(entry.Message ?? "could not add it", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not added"),
        };
    }
}
