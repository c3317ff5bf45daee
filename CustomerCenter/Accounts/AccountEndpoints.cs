using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CustomerCenter.Accounts;

/// <summary>The member actions that are plain HTTP rather than pages: sign out, and the data download.</summary>
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
