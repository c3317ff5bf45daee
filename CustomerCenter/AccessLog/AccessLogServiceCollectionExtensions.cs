namespace CustomerCenter.AccessLog;

public static class AccessLogServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAccessLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AccessEventRecorder>();
        builder.Services.AddScoped<AccessLogReader>();
        builder.Services.AddOptions<AccessLogRetentionOptions>()
            .BindConfiguration(AccessLogRetentionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AccessLogRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AccessLogRetention>());
        return builder;
    }
}
