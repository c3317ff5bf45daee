namespace CustomerCenter.Tests.Browser.Embed;

/// <summary>The embed browser tests share one chamber site, one portal and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EmbedBrowserTestsDefinition : ICollectionFixture<EmbedBrowserHost>
{
    public const string Name = "Embed browser";
}
