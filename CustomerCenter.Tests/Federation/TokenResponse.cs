using System.Net;
using System.Text.Json;

namespace CustomerCenter.Tests.Federation;

/// <summary>What the token endpoint answered: tokens on success, an OAuth error otherwise.</summary>
public sealed record TokenResponse(HttpStatusCode Status, JsonElement Json)
{
    public string? AccessToken => Get("access_token");

    public string? IdToken => Get("id_token");

    public string? RefreshToken => Get("refresh_token");

    public string? Error => Get("error");

    public int? ExpiresIn => Json.TryGetProperty("expires_in", out var value) ? value.GetInt32() : null;

    private string? Get(string name) => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) ? value.GetString() : null;
}
