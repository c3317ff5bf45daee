using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Support;

public static class SupportEndpoints
{
    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder endpoints)
    {
        var requests = endpoints.MapGroup("/account/requests").RequireAuthorization();

        requests.MapPost("/{id:long}/close", async (long id, HttpContext context, UserManager<Member> users, MemberSupportRequests support, CancellationToken cancellationToken) =>
        {
            var member = await users.GetUserAsync(context.User);
            if (member is null)
            {
                return Results.Challenge();
            }

            return await support.CloseAsync(member.Id, id, cancellationToken)
                ? Results.LocalRedirect($"/account/requests/{id}?closed=true")
                : Results.NotFound();
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        // The only way an attachment leaves the portal: as a download, whatever its type, never rendered by the browser
        // in the portal's origin (an HTML or SVG file that passed as text cannot run script here).
        requests.MapGet("/attachments/{id:guid}", async (Guid id, HttpContext context, UserManager<Member> users, MemberSupportRequests support, CancellationToken cancellationToken) =>
        {
            var member = await users.GetUserAsync(context.User);
            if (member is null)
            {
                return Results.Challenge();
            }

            var file = await support.AttachmentAsync(member.Id, id, cancellationToken);
            if (file is null)
            {
                return Results.NotFound();
            }

            return AttachmentDownload.Result(context, file);
        });

        endpoints.MapGet("/staff/requests/attachments/{id:guid}", async (Guid id, HttpContext context, StaffSupportRequests queue, CancellationToken cancellationToken) =>
            await queue.AttachmentAsync(id, cancellationToken) is { } file ? AttachmentDownload.Result(context, file) : Results.NotFound())
            .RequireAuthorization(StaffPolicies.Staff);

        return endpoints;
    }
}
