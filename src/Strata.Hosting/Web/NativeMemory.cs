using System.Runtime.InteropServices;

namespace Strata.Hosting.Web;

/// <summary>Hands memory freed by native code (SQLite's page caches) back to the operating system.</summary>
internal static class NativeMemory
{
    /// <summary>On Linux, asks glibc to return free heap memory (it otherwise keeps freed blocks in its arenas).</summary>
    public static void Trim()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // not glibc (e.g. musl): nothing to trim this way
            }
        }
    }

    // DllImport, not LibraryImport: the signature is blittable, and LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
