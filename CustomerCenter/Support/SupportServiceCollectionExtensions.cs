using CustomerCenter.Support.MailIn;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support;

public static class SupportServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSupport(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        services.AddSingleton<AttachmentIntake>();
        services.AddScoped<MemberSupportRequests>();
        services.AddScoped<StaffSupportRequests>();
        services.AddScoped<StaffSupportActions>();
        services.AddScoped<SupportDataExport>();
        services.AddScoped<SupportMails>();
        services.AddSingleton<SupportConfirmationTokens>();
        services.AddScoped<VisitorSupportRequests>();
        services.AddSingleton<SupportRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<SupportRetention>());
        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>();
        services.AddScoped<SupportMailIntake>();
        services.AddHostedService<SupportMailbox>();
        return builder;
    }
}
