using System.Buffers;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Pools for the arrays queries decode postings into (a common word's are 100,000 long: fresh ones per query were a
/// large share of the search server's GC). Unlike <see cref="ArrayPool{T}.Shared"/>, whose arrays outlive a burst of
/// searches by a minute, the pools are dropped 0.5 s after the last use, so an idle server gives the memory back.
/// </summary>
internal static class PostingsArrays
{
    private const int MaxArrayLength = 1 << 22;
    private const int ArraysPerBucket = 16;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private static readonly Timer Sweeper = new(_ => DropIfQuiet(), null, Timeout.Infinite, Timeout.Infinite);
    private static Pools _pools = new();
    private static long _lastUse;
    private static int _armed;

    public static int[] RentDocuments(int length) => Touch().Documents.Rent(length);

    public static float[] RentValues(int length) => Touch().Values.Rent(length);

    public static byte[] RentBytes(int length) => Touch().Bytes.Rent(length);

    public static void Return(int[] array) => Volatile.Read(ref _pools).Documents.Return(array);

    public static void Return(float[] array) => Volatile.Read(ref _pools).Values.Return(array);

    public static void Return(byte[] array) => Volatile.Read(ref _pools).Bytes.Return(array);

    private static Pools Touch()
    {
        Volatile.Write(ref _lastUse, Environment.TickCount64);
        if (Interlocked.Exchange(ref _armed, 1) == 0)
        {
            Sweeper.Change(Quiet / 2, Quiet / 2);
        }

        return Volatile.Read(ref _pools);
    }

    private static void DropIfQuiet()
    {
        if (Environment.TickCount64 - Volatile.Read(ref _lastUse) < (long)Quiet.TotalMilliseconds)
        {
            return;
        }

        // Arrays rented from the old pools and returned later just go back to them and are collected with them.
        Volatile.Write(ref _pools, new Pools());
        Volatile.Write(ref _armed, 0);
        Sweeper.Change(Timeout.Infinite, Timeout.Infinite);
        if (Environment.TickCount64 - Volatile.Read(ref _lastUse) < (long)Quiet.TotalMilliseconds && Interlocked.Exchange(ref _armed, 1) == 0)
        {
            Sweeper.Change(Quiet / 2, Quiet / 2); // a query started meanwhile: keep watching
        }
    }

    private sealed class Pools
    {
        public ArrayPool<int> Documents { get; } = ArrayPool<int>.Create(MaxArrayLength, ArraysPerBucket);

        public ArrayPool<float> Values { get; } = ArrayPool<float>.Create(MaxArrayLength, ArraysPerBucket);

        public ArrayPool<byte> Bytes { get; } = ArrayPool<byte>.Create(MaxArrayLength * 4, ArraysPerBucket);
    }
}
