using CustomerCenter.Data;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Operations;

namespace CustomerCenter.Mail;

public static class MailServiceCollectionExtensions
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]))
        {
            builder.Services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
            builder.Services.AddHostedService<PickupDirectoryStartupWarning>();
        }
        else
        {
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDepth>();
        builder.Services.AddSingleton<OutboxCommitWatcher>();
        // Both context types: the PostgreSQL one is registered under CustomerCenterDb with options of its own type.
        builder.Services.ConfigureDbContext<CustomerCenterDb>((services, options) => options.AddInterceptors(services.GetRequiredService<OutboxCommitWatcher>()));
        builder.Services.ConfigureDbContext<PostgreSqlCustomerCenterDb>((services, options) => options.AddInterceptors(services.GetRequiredService<OutboxCommitWatcher>()));
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddSingleton<OutboxCleanup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxCleanup>());
        builder.Services.AddScoped<GivenUpMails>();
        builder.Services.AddScoped<MemberMails>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", tags: [OperationsHealth.ReadyTag]);
        return builder;
    }
}
