using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CustomerCenter.Accounts;

/// <summary>The member actions that are plain HTTP rather than pages: sign out, ending sessions, and the data download.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // Taking a form field makes the endpoint require a valid anti-forgery token.
        account.MapPost("/logout", async ([FromForm] string? returnUrl, HttpContext context, UserManager<Member> users, MemberSignIn signIn) =>
        {
            var member = await users.GetUserAsync(context.User);
            await signIn.SignOutAsync(member);
            return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/embed/login"));
        });

        // The session list on /account: each button a form post with its anti-forgery token.
        var sessionsGroup = account.MapGroup("/sessions").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        // Bound as text: a malformed Guid would be a binding failure, which Development turns into an exception (a 500).
        sessionsGroup.MapPost("/end", async ([FromForm(Name = "session")] string? sessionText, HttpContext context, UserManager<Member> users, MemberSessions sessions, MemberSignIn signIn) =>
        {
            if (!Guid.TryParse(sessionText, out var session))
            {
                // No such session to end: the list shows what is still open.
                return Results.LocalRedirect("/account#sessions");
            }

            var member = await users.GetUserAsync(context.User);
            if (member is null)
            {
                return Results.Challenge();
            }

            if (MemberSessions.IdOf(context.User) == session)
            {
                await signIn.SignOutAsync(member);
                return Results.LocalRedirect(LoginRedirects.MemberLoginPath);
            }

            await sessions.EndAsync(member.Id, session);
            return Results.LocalRedirect("/account#sessions");
        });
        sessionsGroup.MapPost("/end-all", async (HttpContext context, UserManager<Member> users, MemberSessions sessions, MemberSignIn signIn) =>
        {
            var member = await users.GetUserAsync(context.User);
            if (member is null)
            {
                return Results.Challenge();
            }

            await sessions.EndAllAsync(member.Id);
            await signIn.SignOutAsync(member);
            return Results.LocalRedirect(LoginRedirects.MemberLoginPath);
        });

        // "Connected sites": the member takes a site's access away; tokens stop working at once.
        account.MapPost("/sites/revoke", async ([FromForm(Name = "site")] string? site, HttpContext context, UserManager<Member> users, IMemberGrants grants) =>
        {
            var member = await users.GetUserAsync(context.User);
            if (member is null)
            {
                return Results.Challenge();
            }

            // An unknown or already revoked site changes nothing: the list shows what is left.
            await grants.RevokeSiteAsync(member.Id, site ?? "", actorId: null, context.RequestAborted);
            return Results.LocalRedirect("/account#connected-sites");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        account.MapGet("/data/export", async (HttpContext context, UserManager<Member> users, MemberDataRights dataRights, CancellationToken cancellationToken) =>
        {
            var member = await users.GetUserAsync(context.User);
            if (member is null)
            {
                return Results.Challenge();
            }

            var json = await dataRights.ExportAsync(member, cancellationToken);
            return Results.File(json, "application/json; charset=utf-8", "customer-center-data.json");
        }).RequireAuthorization();

        return endpoints;
    }
}
