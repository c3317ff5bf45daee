namespace CustomerCenter.Federation;

/// <summary>The provider's endpoints; discovery (<c>/.well-known/openid-configuration</c>) names them all.</summary>
public static class FederationPaths
{
    public const string Authorization = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string UserInfo = "/connect/userinfo";
    public const string Revocation = "/connect/revoke";
    public const string EndSession = "/connect/endsession";
    public const string Jwks = "/.well-known/jwks";
}
