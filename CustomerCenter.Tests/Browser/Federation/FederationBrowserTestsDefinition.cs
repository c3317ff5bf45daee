namespace CustomerCenter.Tests.Browser.Federation;

/// <summary>The federation browser tests share one portal, its three sites and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FederationBrowserTestsDefinition : ICollectionFixture<FederationBrowserHost>
{
    public const string Name = "Federation browser";
}
