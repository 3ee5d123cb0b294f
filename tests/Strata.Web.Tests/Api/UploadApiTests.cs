using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class UploadApiTests
{
    [Fact]
    public async Task An_uploaded_file_becomes_an_item_and_leaves_no_temporary_copy()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();
        using var form = Form("../../escape.md", "# Lighthouses\n\nLighthouse keepers trimmed the wicks every night.", "coast, history");

        using var response = await client.PostAsync("/api/v1/items", form);
        var added = await Json.ReadAsync(response, HttpStatusCode.Created);

        var item = await Json.GetAsync(client, $"/api/v1/items/{added.GetProperty("id").GetString()}");
        Assert.Contains("trimmed the wicks", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("coast", Json.Strings(item.GetProperty("tags"), "name"));
        Assert.False(File.Exists(Path.Combine(server.KnowledgeBase.DataDirectory, "..", "escape.md")));
        var uploads = Path.Combine(server.KnowledgeBase.DataDirectory, "tmp", "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFileSystemEntries(uploads).Length == 0);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_the_limit_named()
    {
        await using var server = await WebServer.StartAsync(configure: options => options.Web.MaxUploadBytes = 2_000);
        using var client = server.CreateClient();
        using var form = Form("big.txt", new string('x', 5_000), null);

        using var response = await client.PostAsync("/api/v1/items", form);
        var problem = await Json.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("2,000 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await server.KnowledgeBase.ListAsync(new Strata.Core.Storage.ItemFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task A_multipart_post_without_a_file_is_a_400()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("title only"), "title" } };

        using var response = await client.PostAsync("/api/v1/items", form);
        var problem = await Json.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains("'file'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(string fileName, string text, string? tags)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (tags is not null)
        {
            form.Add(new StringContent(tags), "tags");
        }

        return form;
    }
}
