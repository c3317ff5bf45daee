using Microsoft.AspNetCore.Antiforgery;

namespace CustomerCenter.Hosting;

/// <summary>Answers a post that is not a form, or lacks a valid anti-forgery token, with a localized 4xx page.</summary>
internal static class FormPostGuard
{
    public static IApplicationBuilder UseFormPostGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                if (!context.Request.HasFormContentType)
                {
                    await PlainPage.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "FormRejected_Title", "FormRejected_NotAForm");
                    return;
                }

                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                {
                    await PlainPage.WriteAsync(context, StatusCodes.Status400BadRequest, "FormRejected_Title", "FormRejected_Antiforgery");
                    return;
                }
            }

            await next(context);
        });
}
