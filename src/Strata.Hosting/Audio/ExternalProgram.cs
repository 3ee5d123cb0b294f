using System.ComponentModel;
using System.Diagnostics;

namespace Strata.Hosting.Audio;

/// <summary>Runs a program without a shell: standard input from bytes (or written by the caller), standard output captured. Kills it on timeout or cancellation.</summary>
internal static class ExternalProgram
{
    private const int ErrorChars = 300;

    /// <summary>Runs <paramref name="fileName"/>; throws <see cref="SpeechException"/> when it cannot start, times out or exits non-zero.</summary>
    public static Task<byte[]> RunAsync(string fileName, IEnumerable<string> arguments, byte[]? input, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, input is null ? null : (stdin, token) => stdin.WriteAsync(input, token).AsTask(), timeout, cancellationToken);

    /// <summary>As above, with <paramref name="writeInput"/> streaming standard input (so large input need not be one array).</summary>
    public static async Task<byte[]> RunAsync(string fileName, IEnumerable<string> arguments, Func<Stream, CancellationToken, Task>? writeInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new SpeechException($"cannot run '{fileName}': {new Win32Exception(exception.NativeErrorCode).Message} (is it installed and on PATH?)", exception);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                if (writeInput is not null)
                {
                    await writeInput(process.StandardInput.BaseStream, limit.Token).ConfigureAwait(false);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The program exited without reading its input; its exit code says whether that was a failure.
            }

            await reading.ConfigureAwait(false);
            var error = await errors.ConfigureAwait(false);
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var line = error.ReplaceLineEndings(" ").Trim();
                throw new SpeechException($"'{Path.GetFileName(fileName)}' exited with code {process.ExitCode}: {(line.Length > ErrorChars ? line[..ErrorChars] : line)}");
            }

            return output.ToArray();
        }
        catch (OperationCanceledException) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new SpeechException($"'{Path.GetFileName(fileName)}' took longer than {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Whether <paramref name="program"/> is an existing path or found on PATH.</summary>
    public static bool Exists(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, program)));
    }
}
