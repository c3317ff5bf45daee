using System.Net;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerCenter.Tests.Operations;

/// <summary>Two instances behind the reference nginx on one PostgreSQL database, as the README sets them up.</summary>
public sealed class ScaleOutTests(ScaleOutDeployment deployment) : IClassFixture<ScaleOutDeployment>
{
    [PostgreSqlFact]
    public async Task Access_created_on_one_instance_is_completed_on_the_other_and_used_through_nginx()
    {
        const string email = "two.instances@example.de";
        using var onA = deployment.A.CreatePortalClient();
        using var onB = deployment.B.CreatePortalClient();
        using var throughNginx = deployment.ThroughNginx();

        Assert.Equal(HttpStatusCode.OK, (await onA.RequestAccessAsync(email)).Status);
        var mail = await deployment.Mail.WaitForAsync(email);
        // The link names the public address (nginx); instance B is asked directly, as the balancer might have sent it there.
        Assert.Contains($"{deployment.Nginx.BaseAddress.AbsoluteUri.TrimEnd('/')}{mail.Link}", mail.Text, StringComparison.Ordinal);
        var passwordSet = await onB.SetPasswordAsync(mail.Link);
        var loggedIn = await throughNginx.LogInAsync(email);
        var account = await throughNginx.GetAsync("/account");
        var again = await throughNginx.GetAsync("/account");

        Assert.Equal("/account", passwordSet.RedirectTarget);
        Assert.Equal("/account", loggedIn.RedirectTarget);
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains("Willkommen, Hanna Schmidt", account.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        // Round-robin: both instances answered requests of this one signed-in client.
        Assert.Contains(deployment.A.BaseAddress.Authority, deployment.Nginx.AccessLog, StringComparison.Ordinal);
        Assert.Contains(deployment.B.BaseAddress.Authority, deployment.Nginx.AccessLog, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task The_login_limit_of_a_client_counts_across_both_instances()
    {
        // The instances believe 127.0.0.0/8 (Portal:KnownNetworks), so this client is the address nginx would forward.
        const string client = "203.0.113.77";
        var statuses = new List<HttpStatusCode>();
        foreach (var instance in (PortalProcess[])[deployment.A, deployment.B, deployment.A, deployment.B, deployment.A])
        {
            using var http = instance.CreatePortalClient();
            http.Http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            var page = await http.GetAsync("/embed/login");
            statuses.Add((await http.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "limit@example.de", ["Input.Password"] = "wrong but long enough" })).Status);
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.BadRequest, ScaleOutDeployment.LoginsPerMinute), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
    }

    [PostgreSqlFact]
    public async Task A_staff_page_through_nginx_runs_its_circuit_over_a_websocket_and_a_click_updates_it()
    {
        const string admin = "nginx.admin@kammer.example";
        var (exitCode, output) = await PortalProcess.RunCommandAsync(deployment.A.Options, "add-admin", admin);
        Assert.True(exitCode == 0, output);
        using (var throughNginx = deployment.ThroughNginx())
        {
            var invitation = await deployment.Mail.WaitForAsync(admin);
            // An invited Admin lands in the staff area.
            Assert.Equal("/staff", (await throughNginx.SetPasswordAsync(invitation.Link)).RedirectTarget);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = deployment.Nginx.BaseAddress.AbsoluteUri,
            // nginx's throwaway certificate; the WebSocket goes over the same TLS connection settings.
            IgnoreHTTPSErrors = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("staff/login?lang=de");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(admin);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(MemberJourney.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(deployment.Nginx.BaseAddress, "staff/members").AbsoluteUri, new() { Timeout = 15_000 });

        // The page is prerendered: its buttons do something only once the circuit answers over the socket.
        var circuitAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => circuitAnswered.TrySetResult();
        var circuit = await page.RunAndWaitForWebSocketAsync(() => page.GotoAsync("staff/embed"));

        await circuitAnswered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await ChooseAsync(page, "Formular", "Zugang erstellen");

        await Expect(page.GetByTestId("snippet")).ToContainTextAsync("data-customer-center=\"create-access\"", new() { Timeout = 15_000 });
        Assert.StartsWith($"wss://{deployment.Nginx.BaseAddress.Authority}/_blazor", circuit.Url, StringComparison.Ordinal);
        Assert.False(circuit.IsClosed);
        Assert.Matches(@"GET /_blazor\?id=\S+ HTTP/1\.1 101 ", deployment.Nginx.AccessLog);
    }

    /// <summary>
    /// Picks an entry of a MudSelect (as StaffJourneyBrowserTests does): a click that lands before the prerendered page's
    /// circuit is connected does nothing, so the test tries again, as a person would.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string label, string entry)
    {
        var select = page.GetByRole(AriaRole.Combobox, new() { Name = label });
        var openList = page.Locator(".mud-popover-open .mud-list-item");
        var option = openList.Filter(new() { HasTextString = entry }).First;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await option.IsVisibleAsync())
                {
                    await select.ClickAsync();
                }

                await option.ClickAsync(new() { Timeout = 2_000 });
                await Expect(select).ToHaveTextAsync(entry, new() { Timeout = 2_000 });
                return;
            }
            catch (Exception e) when (attempt < 10 && e is TimeoutException or PlaywrightException)
            {
            }
        }
    }
}
