using System.Runtime.InteropServices;

namespace Strata.Cli.Tests;

/// <summary>Sends signals to child processes (SIGTERM, as systemd does to stop the daemon).</summary>
internal static partial class Posix
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
