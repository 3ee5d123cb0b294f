namespace Strata.Sources.Imports;

/// <summary>Collects tags for one bookmark: trimmed, lower-cased, empty ones dropped, first spelling kept. Not thread-safe.</summary>
internal sealed class TagList
{
    private readonly List<string> _tags = [];

    public void Add(string? tag)
    {
        var trimmed = tag?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return;
        }

        var lower = trimmed.ToLowerInvariant();
        if (!_tags.Contains(lower))
        {
            _tags.Add(lower);
        }
    }

    /// <summary>Adds each part of <paramref name="joined"/> split on <paramref name="separator"/>.</summary>
    public void AddSplit(string? joined, char separator)
    {
        if (string.IsNullOrWhiteSpace(joined))
        {
            return;
        }

        foreach (var part in joined.Split(separator))
        {
            Add(part);
        }
    }

    public IReadOnlyList<string> ToList() => _tags.Count == 0 ? [] : _tags.ToArray();
}
