using System.Security.Cryptography;
using System.Text;

namespace Strata.Hosting.Web;

/// <summary>API token secrets: random, shown once, stored only as a SHA-256 hash (they carry full entropy, so no slow hash is needed).</summary>
public static class ApiTokenSecret
{
    public const string Prefix = "strata_";

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
