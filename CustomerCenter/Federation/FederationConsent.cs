namespace CustomerCenter.Federation;

/// <summary>Whether a site must ask the member before it receives their data.</summary>
public enum FederationConsent
{
    /// <summary>A partner: the consent page names the site and the data, once per member and site.</summary>
    Explicit,

    /// <summary>The chamber's own site: no consent page.</summary>
    Implicit,
}
