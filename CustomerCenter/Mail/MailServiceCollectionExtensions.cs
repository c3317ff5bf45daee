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

        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailDispatcher>());
        builder.Services.AddSingleton<MemberMails>();
        return builder;
    }
}
