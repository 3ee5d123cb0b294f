using MimeKit;
using Strata.Hosting.Tests.Models;
using Xunit;

namespace Strata.Hosting.Tests.Digests;

public sealed class DigestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateDigestAsync_GroupsByTopic_StoresIt_AndALaterDigestFindsNothingNovel()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;
        var since = DateTimeOffset.UtcNow.AddHours(-1);

        var first = await fixture.Kb.CreateDigestAsync(since, null, store: true, send: false, None);
        var second = await fixture.Kb.CreateDigestAsync(since, null, store: true, send: false, None);

        Assert.Equal(3, first.Digest.ItemCount);
        Assert.Equal(["climate", "policy"], first.Digest.Groups.Select(group => group.Name));
        Assert.Equal(3, first.Digest.TopStories.Count);
        Assert.Contains("## climate (2)", first.Markdown, StringComparison.Ordinal);
        Assert.Contains("Glaciers", first.Markdown, StringComparison.Ordinal);
        // Every item was already in the first digest: nothing is novel, so no top stories the second time.
        Assert.Equal(3, second.Digest.ItemCount);
        Assert.Empty(second.Digest.TopStories);
        var stored = await fixture.Kb.ListDigestsAsync(10, None);
        Assert.Equal([second.Stored!.Id, first.Stored!.Id], stored.Select(d => d.Id));
        Assert.Equal(ids.Order(), stored[1].ItemIds.Order());
        Assert.Equal(first.Markdown, (await fixture.Kb.GetDigestAsync(first.Stored.Id[..12], None))!.Markdown);
    }

    [Fact]
    public async Task CreateDigestAsync_ItemsTheUserReadAndFavoured_RankTheirTopicFirst()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;
        // Interest comes from tags of items the user read or favoured; this older policy item is not in the window.
        var older = await fixture.Kb.AddNoteAsync("Emission trading schemes cap total pollution.", new Ingest.AddOptions { Title = "Trading", Tags = ["policy"] }, null, None);
        Assert.True(await fixture.Kb.MarkAsync(older.Entries[0].ItemId!, Core.Items.ItemStatus.Read, favourite: true, None));

        var digest = await fixture.Kb.CreateDigestAsync(DateTimeOffset.UtcNow.AddHours(-1), "policy", store: false, send: false, None);
        var all = await fixture.Kb.CreateDigestAsync(DateTimeOffset.UtcNow.AddHours(-1), null, store: false, send: false, None);

        Assert.Equal(2, digest.Digest.ItemCount);
        Assert.Equal(ids[2], all.Digest.TopStories.Where(entry => entry.ItemId != older.Entries[0].ItemId).First().ItemId);
        Assert.True(all.Digest.TopStories.First(entry => entry.ItemId == ids[2]).Interest > 0.9);
        Assert.Equal(0, all.Digest.TopStories.First(entry => entry.ItemId == ids[0]).Interest);
        Assert.Empty(await fixture.Kb.ListDigestsAsync(10, None));
    }

    [Fact]
    public async Task CreateDigestAsync_Send_MailsPlainTextAndHtmlPartsOverSmtp()
    {
        await using var smtp = new TinySmtpServer();
        var (fixture, _) = await ModelFixture.CreateAsync(null, configure: options =>
        {
            options.Digest.Email.Host = "127.0.0.1";
            options.Digest.Email.Port = smtp.Port;
            options.Digest.Email.Security = "none";
            options.Digest.Email.From = "strata@example.org";
            options.Digest.Email.To = "reader@example.org";
            options.Digest.Email.Timeout = TimeSpan.FromSeconds(10);
        });
        await using var _ = fixture;

        var result = await fixture.Kb.CreateDigestAsync(DateTimeOffset.UtcNow.AddHours(-1), null, store: true, send: true, None);

        Assert.Null(result.DeliveryError);
        Assert.Equal("reader@example.org", result.DeliveredTo);
        Assert.Equal(["reader@example.org"], smtp.Recipients);
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await smtp.Message.WaitAsync(TimeSpan.FromSeconds(10))));
        var message = await MimeMessage.LoadAsync(raw);
        Assert.StartsWith("Strata digest: 3 new item(s)", message.Subject, StringComparison.Ordinal);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        var plain = alternative.OfType<TextPart>().Single(part => part.IsPlain);
        var html = alternative.OfType<TextPart>().Single(part => part.IsHtml);
        Assert.Contains("TOP STORIES", plain.Text, StringComparison.Ordinal);
        Assert.Contains("Coral reefs", plain.Text, StringComparison.Ordinal);
        Assert.Contains("<h2>Top stories</h2>", html.Text, StringComparison.Ordinal);
        Assert.Contains("Coral reefs", html.Text, StringComparison.Ordinal);
        Assert.Equal("reader@example.org", (await fixture.Kb.ListDigestsAsync(1, None))[0].DeliveredTo);
    }

    [Fact]
    public async Task CreateDigestAsync_SmtpUnreachable_KeepsTheDigestAndReportsTheFailure()
    {
        var (fixture, _) = await ModelFixture.CreateAsync(null, configure: options =>
        {
            options.Digest.Email.Host = "127.0.0.1";
            options.Digest.Email.Port = Testing.Http.LoopbackPorts.GetClosedPort();
            options.Digest.Email.Security = "none";
            options.Digest.Email.To = "reader@example.org";
        });
        await using var _ = fixture;

        var result = await fixture.Kb.CreateDigestAsync(DateTimeOffset.UtcNow.AddHours(-1), null, store: true, send: true, None);

        Assert.StartsWith("mailing the digest failed", result.DeliveryError, StringComparison.Ordinal);
        Assert.Single(await fixture.Kb.ListDigestsAsync(10, None));
    }

    [Fact]
    public async Task RunScheduledDigestAsync_DueOnlyAfterTheCronOccurrence()
    {
        var (fixture, _) = await ModelFixture.CreateAsync(null, configure: options => options.Digest.Schedule = "0 7 * * *");
        await using var _ = fixture;

        var notDue = await fixture.Kb.RunScheduledDigestAsync(DateTimeOffset.UtcNow, None);
        var due = await fixture.Kb.RunScheduledDigestAsync(DateTimeOffset.UtcNow.AddDays(-2), None);

        Assert.Null(notDue);
        Assert.NotNull(due);
        Assert.Equal(3, due!.Digest.ItemCount);
        Assert.Single(await fixture.Kb.ListDigestsAsync(10, None));
    }
}
