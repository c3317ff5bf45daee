using CustomerCenter.AccessLog;
using CustomerCenter.AccessLog.Demo;
using CustomerCenter.Accounts;
using CustomerCenter.Components;
using CustomerCenter.Data;
using CustomerCenter.Embedding;
using CustomerCenter.Federation;
using CustomerCenter.Hosting;
using CustomerCenter.Legal;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using CustomerCenter.Operations;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Members;
using CustomerCenter.Support;

var builder = WebApplication.CreateBuilder(PublishedContentRoot.Options(args));

builder.AddPortalHosting();
builder.AddDatabase();
builder.AddPortalLocalization();
builder.AddEmbedding();
builder.AddMail();
builder.AddAccessLog();
builder.AddAccounts();
builder.AddStaffAuthorization();
builder.AddStaffMembers();
builder.AddFormPostRateLimiting();
builder.AddStaffArea();
builder.AddLegalPages();
builder.AddOperations();
builder.AddSupport();
builder.AddFederation();
builder.LoadKeyRingBesideKestrel(); // last: the registrations above add the framework's preload again

var app = builder.Build();

if (args is [MigrateCommand.Name, ..])
{
    return await MigrateCommand.RunAsync(app.Services, CancellationToken.None);
}

if (args is [AddAdminCommand.Name, var email])
{
    await app.Services.MigrateDatabaseAtStartupAsync();
    return await AddAdminCommand.RunAsync(app.Services, email, CancellationToken.None);
}

if (args is [SeedDemoCommand.Name, .. var seedArguments])
{
    await app.Services.MigrateDatabaseAtStartupAsync();
    return await SeedDemoCommand.RunAsync(app.Services, seedArguments, CancellationToken.None);
}

app.UseTrustedForwardedHeaders();
app.UsePortalLocalization();
app.UseHostHeaderGuard();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseFrameAncestorsPolicy();
app.UseSecurityHeaders();
app.UseEmbedContextOnRedirects();
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseFederationRateLimits();
app.UseFederationReadinessGate();
app.UseAuthentication();
app.UseAuthorization();
app.UseOversizedFormPostGuard();
app.UseAntiforgery();
app.UseFormPostGuard();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapFavicon();
app.MapEmbedAssets();
app.MapOperations();
app.MapAccounts();
app.MapAccessLog();
app.MapSupport();
app.MapFederation();
app.MapRazorComponents<App>().AddStaffInteractivity();

await Task.WhenAll(app.Services.MigrateDatabaseAtStartupAsync(), app.BuildEndpointsAsync());
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
