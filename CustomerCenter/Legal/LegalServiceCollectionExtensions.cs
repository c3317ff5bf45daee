using CustomerCenter.Accounts;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Legal;

/// <summary>The privacy notice, the terms of use and the portal's front page.</summary>
public static class LegalServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLegalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ConsentOptions>, ConsentOptionsValidator>();
        builder.Services.AddScoped<PrivacyNotice>();
        return builder;
    }
}
