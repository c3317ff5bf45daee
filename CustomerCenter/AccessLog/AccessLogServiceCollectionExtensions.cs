namespace CustomerCenter.AccessLog;

public static class AccessLogServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAccessLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AccessEventRecorder>();
        builder.Services.AddScoped<AccessLogReader>();
        return builder;
    }
}
