namespace CustomerCenter.Embedding;

/// <summary>Why a text is not an origin that may frame the portal (<see cref="AllowedOrigin"/>).</summary>
public enum OriginProblem
{
    Empty,
    ForbiddenCharacter,
    NotHttp,

    /// <summary>A path, query, fragment or user besides scheme, host and port.</summary>
    NotJustAnOrigin,

    /// <summary>No valid host, or a wildcard other than a leading "*.".</summary>
    InvalidHost,
}
