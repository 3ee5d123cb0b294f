using System.IO.MemoryMappedFiles;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Strata.Semantic.Vectors;

/// <summary>
/// Float32 rows in a scratch file, memory-mapped: the operating system pages in only the rows a query rescores,
/// so the exact vectors cost disk and page cache, not the process's own memory. The file is unlinked as soon as
/// it is mapped (on Windows, deleted when closed): nothing is left behind, even after a crash.
/// </summary>
public sealed class MappedFloatRows : IFloatRows
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly int _dimensions;

    private MappedFloatRows(MemoryMappedFile file, MemoryMappedViewAccessor view, int dimensions)
    {
        _file = file;
        _view = view;
        _dimensions = dimensions;
    }

    /// <summary>Starts a row file in <paramref name="folder"/> (created if missing).</summary>
    public static Writer Create(string folder, int dimensions)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"vectors-{Environment.ProcessId}-{Guid.NewGuid():N}.f32");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1 << 20, FileOptions.DeleteOnClose);
        return new Writer(stream, path, dimensions);
    }

    public unsafe void Score(ReadOnlySpan<int> rows, ReadOnlySpan<float> query, Span<float> scores)
    {
        // Rows are read in place from the mapping (no copy); the handle is held so a concurrent Dispose waits.
        var handle = _view.SafeMemoryMappedViewHandle;
        byte* start = null;
        handle.AcquirePointer(ref start);
        try
        {
            var rowBytes = (long)_dimensions * sizeof(float);
            var first = start + _view.PointerOffset;
            for (var i = 0; i < rows.Length; i++)
            {
                scores[i] = TensorPrimitives.Dot(query, new ReadOnlySpan<float>(first + (rows[i] * rowBytes), _dimensions));
            }
        }
        finally
        {
            handle.ReleasePointer();
        }
    }

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>Appends rows in order, then maps the file.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly FileStream _stream;
        private readonly string _path;
        private readonly int _dimensions;
        private bool _mapped;

        internal Writer(FileStream stream, string path, int dimensions)
        {
            _stream = stream;
            _path = path;
            _dimensions = dimensions;
        }

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<float> vector)
        {
            _stream.Write(MemoryMarshal.AsBytes(vector));
            Count++;
        }

        /// <summary>The rows written so far, mapped read-only; the writer is spent.</summary>
        public MappedFloatRows Map()
        {
            _stream.Flush(flushToDisk: true); // written back now, not under the first queries
            if (_stream.Length == 0)
            {
                _stream.SetLength((long)_dimensions * sizeof(float)); // a zero-length file cannot be mapped
            }

            var file = MemoryMappedFile.CreateFromFile(_stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            _mapped = true;
            try
            {
                File.Delete(_path); // Linux and macOS: the mapping keeps the data; the name goes now
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Windows: an open file cannot be deleted; DeleteOnClose removes it with the mapping
            }

            return new MappedFloatRows(file, file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), _dimensions);
        }

        public void Dispose()
        {
            if (!_mapped)
            {
                _stream.Dispose();
            }
        }
    }
}
