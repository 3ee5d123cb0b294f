using Strata.Core.Items;
using Strata.Core.Summaries;
using Strata.Core.Web;

namespace Strata.Web.Components;

/// <summary>Everything the Reader shows about one item.</summary>
public sealed record ReaderView(Item Item, string ArticleHtml, Summary? Summary, IReadOnlyList<Highlight> Highlights, bool HasOriginal);
