using System.Collections.Concurrent;
using Strata.Core.Sources;

namespace Strata.Hosting.Daemon;

/// <summary>
/// File-system watchers on the folders of folder sources. An event marks its source as changed; the daemon then
/// runs that source (a rescan, cheap thanks to size and time fingerprints). Events can be lost (overflow, network
/// drives), which is why folder sources also rescan on their schedule.
/// </summary>
internal sealed class FolderWatchers(Action changed) : IDisposable
{
    private readonly ConcurrentDictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);

    /// <summary>Watches exactly the unpaused folder sources in <paramref name="sources"/>.</summary>
    public void Sync(IReadOnlyList<Source> sources)
    {
        var wanted = sources.Where(source => source.Type == SourceType.Folder && !source.Paused && Directory.Exists(source.Target))
            .ToDictionary(source => source.Id, source => source.Target, StringComparer.Ordinal);
        foreach (var id in _watchers.Keys.Where(id => !wanted.ContainsKey(id)).ToArray())
        {
            if (_watchers.TryRemove(id, out var stale))
            {
                stale.Dispose();
            }
        }

        foreach (var (id, path) in wanted)
        {
            _watchers.GetOrAdd(id, _ => Watch(id, path));
        }
    }

    /// <summary>Sources whose folders changed since the last call.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        var ids = _changed.Keys.ToArray();
        foreach (var id in ids)
        {
            _changed.TryRemove(id, out _);
        }

        return ids;
    }

    private FileSystemWatcher Watch(string sourceId, string path)
    {
        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void OnEvent(object? sender, EventArgs e)
        {
            _changed[sourceId] = 0;
            changed();
        }

        watcher.Created += OnEvent;
        watcher.Changed += OnEvent;
        watcher.Deleted += OnEvent;
        watcher.Renamed += OnEvent;
        watcher.Error += OnEvent;
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers.Values)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
    }
}
