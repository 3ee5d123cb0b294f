using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Hosting.Stores;

/// <summary>
/// An order-independent fingerprint of a table's rows: each row's values are written in a canonical text form
/// (so an integer reads the same from SQLite and PostgreSQL), hashed with SHA-256, and the hashes are summed and
/// XORed. Equal digests and counts mean the same multiset of rows; the engines need not agree on row order.
/// </summary>
internal sealed class RowDigest
{
    private readonly StringBuilder _row = new();
    private ulong _sum;
    private ulong _xor;

    public long Rows { get; private set; }

    public void Add(object?[] values)
    {
        _row.Clear();
        foreach (var value in values)
        {
            _row.Append(Canonical(value)).Append('\u001f');
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(_row.ToString()), hash);
        _sum = unchecked(_sum + BinaryPrimitives.ReadUInt64LittleEndian(hash));
        _xor ^= BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]);
        Rows++;
    }

    public string Value => $"{_sum:x16}{_xor:x16}";

    private static string Canonical(object? value) => value switch
    {
        null or DBNull => "n",
        string text => "s:" + text,
        byte[] bytes => "b:" + Convert.ToHexStringLower(bytes),
        double number => "f:" + number.ToString("R", CultureInfo.InvariantCulture),
        float number => "f:" + ((double)number).ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "i:1" : "i:0",
        IConvertible integer => "i:" + Convert.ToInt64(integer, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => "o:" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
