using System.Runtime.InteropServices;

namespace Strata.Hosting.Web;

/// <summary>Keeps memory freed by native code (SQLite's page caches) from staying resident in a long-running process.</summary>
public static class NativeHeap
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> option for <c>mallopt</c>.</summary>
    private const int ArenaMaxOption = -8;

    /// <summary>On Linux, asks glibc to return free heap memory (it otherwise keeps freed blocks in its arenas).</summary>
    public static void Trim() => CallGlibc(() => _ = MallocTrim(0));

    /// <summary>
    /// For servers, before their worker threads start: glibc gives each thread that meets a busy heap an arena of its
    /// own (up to eight per processor), and every arena keeps the pages it once held. After a burst of searches on many
    /// threads that kept ~50 MB resident that trimming did not return; one arena per processor keeps contention low.
    /// </summary>
    public static void LimitArenas() => CallGlibc(() => _ = MallOpt(ArenaMaxOption, Math.Max(2, Environment.ProcessorCount)));

    private static void CallGlibc(Action call)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                call();
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // not glibc (e.g. musl): nothing to tune this way
            }
        }
    }

    // DllImport, not LibraryImport: the signatures are blittable, and LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int option, int value);
}
