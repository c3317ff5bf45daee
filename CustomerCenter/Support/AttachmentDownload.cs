using Microsoft.Net.Http.Headers;

namespace CustomerCenter.Support;

/// <summary>How every attachment is served, to members and staff alike.</summary>
internal static class AttachmentDownload
{
    public static IResult Result(HttpContext context, SupportAttachmentFile file)
    {
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // Even a PDF viewer or an image is not shown inside the portal's origin: a sandbox CSP for any browser that would.
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
