namespace Strata.Storage.S3;

/// <summary>A blob store could not do what was asked; the message is one line naming the endpoint and the key.</summary>
public sealed class BlobStoreException(string message, Exception? inner = null) : IOException(message, inner);
