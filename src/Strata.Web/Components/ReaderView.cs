using Strata.Core.Items;
using Strata.Core.Summaries;
using Strata.Core.Web;
using Strata.Hosting;

namespace Strata.Web.Components;

/// <summary>Everything the Reader shows about one item.</summary>
public sealed record ReaderView(Item Item, string ArticleHtml, Summary? Summary, IReadOnlyList<RelatedItem> Related, IReadOnlyList<Highlight> Highlights, bool HasOriginal);
