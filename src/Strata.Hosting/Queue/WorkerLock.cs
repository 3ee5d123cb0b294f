namespace Strata.Hosting.Queue;

/// <summary>
/// An exclusive, process-wide lock on the data directory's job queue (an OS file lock, released by the kernel
/// if the process dies). Whoever holds it may treat jobs marked running as orphans of a crashed run.
/// </summary>
public sealed class WorkerLock : IDisposable
{
    private readonly FileStream _stream;

    private WorkerLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null at once when another process holds it.</summary>
    public static WorkerLock? TryAcquire(string path)
    {
        try
        {
            return new WorkerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
