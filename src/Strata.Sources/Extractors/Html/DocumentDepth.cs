using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Nesting depth of a parsed page, measured without recursion. Pathologically deep pages are refused:
/// AngleSharp's own queries recurse per level and would overflow the stack.
/// </summary>
internal static class DocumentDepth
{
    public const int Max = 1000;

    public static bool Exceeds(INode root, int limit)
    {
        var depth = 0;
        INode? node = root;
        while (node is not null)
        {
            if (node.FirstChild is { } first)
            {
                node = first;
                if (++depth > limit)
                {
                    return true;
                }

                continue;
            }

            while (node is not null && node != root && node.NextSibling is null)
            {
                node = node.Parent;
                depth--;
            }

            node = node is null || node == root ? null : node.NextSibling;
        }

        return false;
    }
}
