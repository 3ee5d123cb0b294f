using System.ComponentModel;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Strata.Core.Text;
using Strata.Hosting;
using Strata.Hosting.Ingest;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class AddTool(KnowledgeBase kb)
{
    public const string Name = "add";

    [McpServerTool(Name = Name, Title = "Save to the knowledge base", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true, UseStructuredContent = true)]
    [Description("""
        Save something to the user's knowledge base for later: a web page by url (fetched, archived and extracted), or a note you write (Markdown text).
        Give exactly one of url or text. The item records that an agent added it and which MCP client did, in its history.
        Adding the same url or text twice returns the item already stored (outcome=alreadypresent).
        """)]
    public async Task<AddedItem> AddAsync(
        McpServer server,
        [Description("An http(s) URL to fetch and save.")] string? url = null,
        [Description("A note to save, as Markdown text.")] string? text = null,
        [Description("A title (otherwise taken from the page or the note's first heading).")] string? title = null,
        [Description("Tags to put on the item, e.g. [\"ai/llm\", \"to-read\"]; '/' makes a hierarchy.")] string[]? tags = null,
        CancellationToken cancellationToken = default)
    {
        var options = new AddOptions { Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(), Tags = TagTool.CheckTags(tags, "tags") };
        var hasUrl = !string.IsNullOrWhiteSpace(url);
        var hasText = !string.IsNullOrWhiteSpace(text);
        if (hasUrl == hasText)
        {
            throw new McpException(hasUrl ? "give either url or text, not both" : "give a url to save a web page, or text to save a note");
        }

        var source = hasUrl ? CheckUrl(url!) : null;
        var report = source is not null
            ? await kb.AddAsync([source.ToString()], options, null, cancellationToken).ConfigureAwait(false)
            : await kb.AddNoteAsync(CheckNote(text!), options, null, cancellationToken).ConfigureAwait(false);
        var entry = report.Entries.Single();
        if (entry.ItemId is null)
        {
            throw new McpException($"nothing was added: {entry.Message}");
        }

        await kb.RecordAgentWriteAsync(entry.ItemId, AgentIdentity.Describe(server, Name), source, cancellationToken).ConfigureAwait(false);
        var item = await ItemLookup.RequireAsync(kb, entry.ItemId, cancellationToken).ConfigureAwait(false);
        var history = await kb.ListProvenanceAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var message = entry.Message ?? (report.Processed ? null : "queued: another Strata process (the daemon) is working the queue and will process it");
        return new AddedItem(
            item.Id, item.DisplayTitle, entry.Outcome.ToString().ToLowerInvariant(), Views.Name(item.State), item.Url,
            item.Tags.Select(Views.Tag).ToArray(), message, history.Select(Views.History).ToArray());
    }

    private static Uri CheckUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed
            : throw new McpException($"'{url}' is not an http(s) URL; to save your own text use the text argument");

    private string CheckNote(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        var limit = kb.Options.Ingest.MaxFileBytes;
        return bytes > limit
            ? throw new McpException($"the note is {ByteSizes.Format(bytes)}, over the {ByteSizes.Format(limit)} limit (Ingest.MaxFileBytes); save it in parts")
            : text;
    }
}
