using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Strata.Hosting;
using Strata.Mcp.Results;

namespace Strata.Mcp.Tools;

[McpServerToolType]
public sealed class TagTool(KnowledgeBase kb)
{
    public const string Name = "tag";

    [McpServerTool(Name = Name, Title = "Tag an item", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Add tags to and remove tags from an item. Tags are lower-cased; '/' makes a hierarchy (ai/llm).
        The change is recorded in the item's history with the MCP client that made it. Returns the item's tags afterwards.
        """)]
    public async Task<TaggedItem> TagAsync(
        McpServer server,
        [Description("The item's id (or an unambiguous prefix), as returned by search or recent.")] string id,
        [Description("Tags to add.")] string[]? add = null,
        [Description("Tags to remove.")] string[]? remove = null,
        CancellationToken cancellationToken = default)
    {
        var adding = CheckTags(add, "add");
        var removing = CheckTags(remove, "remove");
        if (adding.Count == 0 && removing.Count == 0)
        {
            throw new McpException("give tags to add or remove");
        }

        var item = await ItemLookup.RequireAsync(kb, id, cancellationToken).ConfigureAwait(false);
        var tags = await kb.TagAsync(item.Id, adding, removing, cancellationToken).ConfigureAwait(false) ?? [];
        var action = string.Join(' ', adding.Select(tag => "+" + tag).Concat(removing.Select(tag => "-" + tag)));
        await kb.RecordAgentWriteAsync(item.Id, AgentIdentity.Describe(server, $"{Name} {action}"), null, cancellationToken).ConfigureAwait(false);
        return new TaggedItem(item.Id, item.DisplayTitle, tags.Select(Views.Tag).ToArray());
    }

    /// <summary>Tags as given, trimmed; empty when none.</summary>
    /// <exception cref="McpException">A tag is blank or too long.</exception>
    internal static IReadOnlyList<string> CheckTags(string[]? tags, string argument)
    {
        if (tags is null)
        {
            return [];
        }

        foreach (var tag in tags)
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > McpLimits.MaxTagChars)
            {
                throw new McpException($"{argument}: each tag must be 1-{McpLimits.MaxTagChars} characters");
            }
        }

        return tags.Select(tag => tag.Trim()).Distinct().ToArray();
    }
}
