using System.Net;
using System.Text;
using CustomerCenter.Hosting;
using CustomerCenter.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerCenter.Federation;

/// <summary>
/// The authorization response with <c>response_mode=form_post</c> (the default of ASP.NET Core's OpenID Connect handler
/// and many others): a page whose form posts the code to the site. OpenIddict's own page submits it with an inline
/// script, which the portal's CSP (scripts with the response's nonce only, <c>form-action 'self'</c>) blocks, so this
/// page is written here instead: the script carries the nonce, and the CSP of this one response also allows a form
/// to post to the site's redirect_uri — which OpenIddict has matched exactly against the site's registration.
/// </summary>
internal sealed class FormPostResponse : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<FormPostResponse>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.Authentication.ProcessFormPostResponse.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (context.ResponseMode != ResponseModes.FormPost || string.IsNullOrEmpty(context.RedirectUri)
            || !Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var target))
        {
            return;
        }

        var response = context.Transaction.GetHttpRequest()?.HttpContext.Response
            ?? throw new InvalidOperationException("The authorization response is not being sent over ASP.NET Core.");
        FormActionSources.Allow(response.HttpContext, target);
        var nonce = ScriptNonce.For(response.HttpContext);
        var proceed = WebUtility.HtmlEncode(response.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>()["Login_Continue"]);
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(proceed).Append("</title></head><body>")
            .Append("<form name=\"form\" method=\"post\" action=\"").Append(WebUtility.HtmlEncode(context.RedirectUri)).Append("\">");
        foreach (var (name, value) in context.Response.GetParameters())
        {
            foreach (var item in (Microsoft.Extensions.Primitives.StringValues)value)
            {
                page.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name))
                    .Append("\" value=\"").Append(WebUtility.HtmlEncode(item)).Append("\">");
            }
        }

        page.Append("<noscript><button type=\"submit\">").Append(proceed).Append("</button></noscript></form>")
            .Append("<script nonce=\"").Append(nonce).Append("\">document.form.submit();</script></body></html>");

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html;charset=UTF-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        await response.WriteAsync(page.ToString(), response.HttpContext.RequestAborted);
        context.HandleRequest();
    }
}
