namespace CustomerCenter.Hosting;

/// <summary>
/// Builds the route table (Razor component routes, the Blazor hub, the minimal APIs) while the database is checked
/// for migrations, instead of after it: the host builds it before Kestrel listens anyway (the authorization
/// middleware reads every endpoint's policy), and the two do not depend on each other.
/// </summary>
internal static class EndpointWarmUp
{
    public static Task BuildEndpointsAsync(this WebApplication app) => Task.Run(() =>
    {
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
        {
            _ = source.Endpoints;
        }
    });
}
