using Strata.Cli.Output;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting;

namespace Strata.Cli.Commands;

/// <summary>The structure part of <c>strata show</c>: keywords, near-duplicates, provenance, references, related items.</summary>
internal static class ShowStructure
{
    private const int RelatedShown = 5;

    private const int UnresolvedShown = 5;

    public static async Task<StructureJson?> LoadAsync(KnowledgeBase kb, Item item, CancellationToken cancellationToken)
    {
        var structure = await kb.StructureAsync(item.Id, cancellationToken);
        if (structure is null)
        {
            return null;
        }

        // Provenance of the item and of every copy folded into it: all the places this text was seen.
        var provenance = new List<ProvenanceJson>();
        foreach (var id in structure.Copies.Select(copy => copy.Id).Prepend(item.Id))
        {
            provenance.AddRange((await kb.ListProvenanceAsync(id, cancellationToken))
                .Select(record => new ProvenanceJson(id, record.ExternalId, record.SourceId, record.Url, record.SeenAt)));
        }

        var related = await kb.RelatedAsync(item.Id, RelatedShown, cancellationToken) ?? [];
        return new StructureJson(
            [.. structure.Keywords.Select(keyword => new KeywordJson(keyword.Text, keyword.Weight))],
            structure.DuplicateOf is { } representative ? Ref(representative) : null,
            [.. structure.Copies.Select(Ref)],
            [.. provenance],
            [.. structure.Cites.Select(cite => new CiteJson(cite.Reference.Kind.ToString().ToLowerInvariant(), cite.Reference.Value, cite.Item is null ? null : Ref(cite.Item)))],
            structure.Cites.Count(cite => cite.Item is null),
            [.. structure.CitedBy.Select(Ref)],
            [.. related.Select(entry => new RelatedJson(entry.Item.Id, entry.Item.DisplayTitle, entry.Item.Url, entry.Item.SourcePath, entry.Score))]);
    }

    /// <summary>Adds the structure's rows to <c>show</c>'s grid through <paramref name="row"/>.</summary>
    public static void AddRows(StructureJson structure, Action<string, string?> row)
    {
        row("keywords", string.Join(", ", structure.Keywords.Select(keyword => keyword.Text)));
        row("folded into", structure.DuplicateOf is { } head ? $"{head.Id} {head.Title} (near-duplicate; `strata dupes --unfold {head.Id[..10]}…` if wrong)" : null);
        row("also at", string.Join("\n", structure.Copies.Select(copy => $"{copy.Url ?? copy.Path ?? copy.Title}  [{copy.Id}]")));
        row("provenance", string.Join("\n", structure.Provenance.Select(record => $"{record.ExternalId}{(record.Url is null ? string.Empty : " " + record.Url)}")));
        // Items in the base first, then a few of the references that are not (with how many more).
        var lines = structure.Cites.Where(cite => cite.Item is not null).Select(cite => $"{cite.Item!.Id} {cite.Item.Title}").ToList();
        var unresolved = structure.Cites.Where(cite => cite.Item is null).ToArray();
        lines.AddRange(unresolved.Take(UnresolvedShown).Select(cite => $"{cite.Kind}: {cite.Value} (not in the base)"));
        if (unresolved.Length > UnresolvedShown)
        {
            lines.Add($"(+{unresolved.Length - UnresolvedShown} more not in the base)");
        }

        row("cites", string.Join("\n", lines));
        row("cited by", string.Join("\n", structure.CitedBy.Select(item => $"{item.Id} {item.Title}")));
        row("related", string.Join("\n", structure.Related.Select(item => $"{item.Id} {item.Title} ({item.Score:0.00})")));
    }

    public static ItemRefJson Ref(ItemSummary item) => new(item.Id, item.DisplayTitle, item.Url, item.SourcePath);
}
