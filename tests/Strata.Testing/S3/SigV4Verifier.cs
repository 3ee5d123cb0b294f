using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Strata.Testing.S3;

/// <summary>
/// Checks an AWS Signature Version 4 <c>Authorization</c> header the way S3 does: rebuilds the canonical request
/// from what arrived (method, path, query, the signed headers, the payload hash), derives the signing key from the
/// secret known for the access key, and compares signatures. Written from the SigV4 specification, independently
/// of the client, so a passing request proves the client really signed it.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Null when the signature is valid, else the S3 error code and message to answer with (403).</summary>
    public static (string Code, string Message)? Verify(HttpRequest request, string rawTarget, IReadOnlyDictionary<string, string> secrets, string region)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return ("AccessDenied", "requests must be signed with AWS4-HMAC-SHA256");
        }

        var parts = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            return ("AuthorizationHeaderMalformed", "Credential, SignedHeaders and Signature are required");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[3] != "s3" || scope[4] != "aws4_request")
        {
            return ("AuthorizationHeaderMalformed", $"bad credential scope {credential}");
        }

        if (!secrets.TryGetValue(scope[0], out var secret))
        {
            return ("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }

        if (scope[2] != region)
        {
            return ("AuthorizationHeaderMalformed", $"the region '{scope[2]}' is wrong; expecting '{region}'");
        }

        var amzDate = request.Headers["x-amz-date"].ToString();
        if (amzDate.Length != 16 || !amzDate.StartsWith(scope[1], StringComparison.Ordinal))
        {
            return ("AccessDenied", "x-amz-date is missing or does not match the credential's date");
        }

        var headerNames = signedHeaders.Split(';');
        if (!headerNames.Contains("host") || !headerNames.Contains("x-amz-content-sha256"))
        {
            return ("AccessDenied", "host and x-amz-content-sha256 must be signed");
        }

        var canonical = CanonicalRequest(request, rawTarget, headerNames, signedHeaders, request.Headers["x-amz-content-sha256"].ToString());
        var stringToSign = string.Join('\n', Algorithm, amzDate, string.Join('/', scope[1..]), Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), scope[1]);
        key = Hmac(key, scope[2]);
        key = Hmac(key, scope[3]);
        key = Hmac(key, scope[4]);
        var expected = Hex(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }

    private static string CanonicalRequest(HttpRequest request, string rawTarget, string[] headerNames, string signedHeaders, string payloadHash)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var canonicalPath = string.Join('/', path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Key: Encode(Uri.UnescapeDataString(pair[0])), Value: Encode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}"));
        var headers = new StringBuilder();
        foreach (var name in headerNames)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            headers.Append(name).Append(':').Append(string.Join(' ', (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        return string.Join('\n', request.Method, canonicalPath, canonicalQuery, headers.ToString(), signedHeaders, payloadHash);
    }

    /// <summary>SigV4's URI encoding: every byte but the unreserved characters as %XX, upper-case hex.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
