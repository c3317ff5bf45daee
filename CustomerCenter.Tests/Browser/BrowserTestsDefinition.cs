namespace CustomerCenter.Tests.Browser;

/// <summary>Browser tests share one started portal and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestsDefinition : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}
