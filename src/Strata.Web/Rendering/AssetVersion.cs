namespace Strata.Web.Rendering;

/// <summary>A version string for asset URLs, so browsers may cache assets forever and still see new ones after an upgrade.</summary>
public static class AssetVersion
{
    public static readonly string Value = typeof(AssetVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
}
