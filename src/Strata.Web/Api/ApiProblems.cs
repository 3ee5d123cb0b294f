using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Strata.Web.Api;

/// <summary>The problem documents the API answers with (RFC 9457 <c>application/problem+json</c>).</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem($"no {what} matches '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult Unavailable(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable");

    public static ProblemHttpResult TooLarge(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
}
