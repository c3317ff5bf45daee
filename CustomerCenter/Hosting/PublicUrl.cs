using Microsoft.Extensions.Options;

namespace CustomerCenter.Hosting;

/// <summary>Turns a portal path into the absolute URL a member can open from a mail.</summary>
public sealed class PublicUrl(IOptions<PortalOptions> options, IHttpContextAccessor httpContextAccessor, IConfiguration configuration, IServiceProvider services)
{
    public string For(string pathAndQuery)
    {
        var configured = options.Value.PublicUrl;
        string baseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            baseUrl = configured;
        }
        else if (httpContextAccessor.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        else if (CircuitBaseUri() is { } circuitBase)
        {
            // In the interactive staff area there is no HttpContext; the circuit knows the address it was opened at.
            baseUrl = circuitBase;
        }
        else if (configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } listening)
        {
            // Outside a request (the add-admin command): the address the portal listens on when started the same way.
            baseUrl = listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        }
        else
        {
            throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)} must be set to build links outside a request.");
        }

        return baseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
    }

    private string? CircuitBaseUri()
    {
        try
        {
            return services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()?.BaseUri;
        }
        catch (InvalidOperationException)
        {
            // Outside a Blazor render (a command, a background job) the NavigationManager is not initialised.
            return null;
        }
    }
}
