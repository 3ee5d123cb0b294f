namespace Strata.Core.Storage;

/// <summary>How a listing is sorted.</summary>
public enum ItemOrder
{
    Newest,
    Oldest,
    Title,
    Longest,
}
