using Strata.Core.Enrich;

namespace Strata.Storage.Sqlite;

/// <summary>
/// Near-duplicate folding in memory: items by fingerprint band, with their representatives as the fold changes them,
/// so each item finds the closest older item sharing a band without a query of its own.
/// </summary>
internal sealed class BandNeighbours
{
    private readonly Dictionary<(int Band, long Value), List<long>> _byBand = [];
    private readonly Dictionary<long, (ulong SimHash, long? Representative)> _items = [];

    // Who points at an item, so folding it moves them along (as the UPDATE of duplicate_of = $r does in the base).
    private readonly Dictionary<long, List<long>> _pointedAt = [];
    private readonly List<long> _scratch = [];

    /// <summary>An item that may be compared: its fingerprint and its representative (null: none).</summary>
    public void AddItem(long rowid, ulong simhash, long? representative)
    {
        if (_items.TryAdd(rowid, (simhash, representative)) && representative is { } target)
        {
            PointAt(target, rowid);
        }
    }

    /// <summary>An item's value in one band (items added with <see cref="AddItem"/> are the only ones compared).</summary>
    public void AddBand(int band, long value, long rowid)
    {
        if (!_byBand.TryGetValue((band, value), out var rowids))
        {
            _byBand[(band, value)] = rowids = [];
        }

        rowids.Add(rowid);
    }

    public bool Contains(long rowid) => _items.ContainsKey(rowid);

    /// <summary>The representative of the closest older item sharing a band, within <see cref="SimHash.MaxDistance"/> (the oldest on ties), or null.</summary>
    public long? Closest(long rowid, ulong simhash)
    {
        _scratch.Clear();
        for (var band = 0; band < SimHashBands.Count; band++)
        {
            if (_byBand.TryGetValue((band, SimHashBands.Value(simhash, band)), out var rowids))
            {
                foreach (var candidate in rowids)
                {
                    if (candidate < rowid && _items.ContainsKey(candidate))
                    {
                        _scratch.Add(candidate);
                    }
                }
            }
        }

        _scratch.Sort();
        long? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in _scratch)
        {
            var distance = SimHash.Distance(simhash, _items[candidate].SimHash);
            if (distance <= SimHash.MaxDistance && distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best is { } found ? _items[found].Representative ?? found : null;
    }

    /// <summary>Records <paramref name="rowid"/>'s new representative (null: none); items pointing at it follow it.</summary>
    public void Fold(long rowid, long? representative)
    {
        if (!_items.TryGetValue(rowid, out var item))
        {
            return;
        }

        _items[rowid] = (item.SimHash, representative);
        if (representative is not { } target)
        {
            return;
        }

        PointAt(target, rowid);
        if (_pointedAt.Remove(rowid, out var followers))
        {
            foreach (var follower in followers)
            {
                // Only those still pointing here: an item checked again may have left since.
                if (_items[follower].Representative == rowid)
                {
                    _items[follower] = (_items[follower].SimHash, target);
                    PointAt(target, follower);
                }
            }
        }
    }

    private void PointAt(long target, long rowid)
    {
        if (!_pointedAt.TryGetValue(target, out var list))
        {
            _pointedAt[target] = list = [];
        }

        list.Add(rowid);
    }
}
