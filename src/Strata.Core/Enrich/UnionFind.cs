namespace Strata.Core.Enrich;

/// <summary>Disjoint sets over 0..n-1 with path halving; the root of a set is always its smallest member.</summary>
public sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int element)
    {
        while (_parent[element] != element)
        {
            _parent[element] = _parent[_parent[element]];
            element = _parent[element];
        }

        return element;
    }

    /// <summary>Joins the sets of <paramref name="first"/> and <paramref name="second"/>; false when they were one already.</summary>
    public bool Union(int first, int second)
    {
        var a = Find(first);
        var b = Find(second);
        if (a == b)
        {
            return false;
        }

        // The smaller index wins, so a cluster's root is its oldest member when elements are in age order.
        if (a < b)
        {
            _parent[b] = a;
        }
        else
        {
            _parent[a] = b;
        }

        return true;
    }
}
