using Microsoft.AspNetCore.Http;

namespace Strata.Testing.Http;

/// <summary>A body and its <c>Content-Type</c>, served as is.</summary>
internal sealed record FixtureContent(byte[] Body, string ContentType)
{
    public Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = Body.Length;
        return context.Response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
    }
}
