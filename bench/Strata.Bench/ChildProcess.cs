using System.Diagnostics;

namespace Strata.Bench;

/// <summary>Runs a child process to completion, reading its output, and measures wall time and peak memory.</summary>
internal static class ChildProcess
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Wall time from start to exit with stdout fully read; peak RSS polled from <c>/proc/&lt;pid&gt;/status</c> when asked.</summary>
    public static async Task<ChildResult> RunAsync(string fileName, IReadOnlyList<string> arguments, bool pollMemory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var peakKilobytes = 0L;
        var exit = process.WaitForExitAsync(cancellationToken);
        while (pollMemory && !exit.IsCompleted)
        {
            peakKilobytes = Math.Max(peakKilobytes, ReadHighWaterMark(process.Id));
            await Task.WhenAny(exit, Task.Delay(PollInterval, cancellationToken));
        }

        await exit;
        var output = await stdout;
        stopwatch.Stop();
        return new ChildResult(process.ExitCode, output, await stderr, stopwatch.Elapsed, peakKilobytes * 1024);
    }

    /// <summary>VmHWM (peak resident set) of a live process in kB; 0 when it has gone.</summary>
    public static long ReadHighWaterMark(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}

/// <summary>A finished child process.</summary>
internal sealed record ChildResult(int ExitCode, string Output, string Error, TimeSpan Elapsed, long PeakBytes);
