namespace CustomerCenter.Tests.Browser;

/// <summary>
/// The language check reads every word of the staff pages, so its portal holds only its own data: the other browser
/// tests' members, requests and sites (their names and addresses in any language) would be words to excuse.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StaffLanguageBrowserTestsDefinition : ICollectionFixture<BrowserHost>
{
    public const string Name = "Staff language browser";
}
