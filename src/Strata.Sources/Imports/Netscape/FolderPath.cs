namespace Strata.Sources.Imports.Netscape;

/// <summary>
/// The stack of folders enclosing the current <c>&lt;DL&gt;</c>, as one lower-cased tag joined with <c>/</c>.
/// Levels without a usable name (the document root, browser root folders) add nothing to the path.
/// </summary>
internal sealed class FolderPath
{
    private readonly Stack<string?> _levels = new();
    private string? _pending;

    /// <summary>The folder tag for bookmarks at the current level, or null at the top.</summary>
    public string? Tag { get; private set; }

    /// <summary>Names the folder whose <c>&lt;DL&gt;</c> comes next (null: a level that adds no tag).</summary>
    public void Announce(string? name) => _pending = string.IsNullOrWhiteSpace(name) ? null : name.Trim().Replace('/', '-').ToLowerInvariant();

    public void Enter()
    {
        _levels.Push(_pending);
        _pending = null;
        Recompute();
    }

    public void Leave()
    {
        if (_levels.Count > 0)
        {
            _levels.Pop();
            Recompute();
        }
    }

    private void Recompute()
    {
        var names = _levels.Where(name => name is not null).Reverse().ToArray();
        Tag = names.Length == 0 ? null : string.Join('/', names);
    }
}
