using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using CustomerCenter.Tests.Infrastructure;

namespace CustomerCenter.Tests.Support;

/// <summary>The service desk's forms as a browser posts them: multipart, with files.</summary>
public static class SupportJourney
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A Windows program: "MZ", then the bytes every PE header has near its start.</summary>
    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static async Task<PortalPage> OpenRequestAsync(this PortalClient client, string subject, string message, string topic = "customer-center", params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetAsync("/account/requests");
        return await client.SubmitMultipartAsync(page, "new-request", new Dictionary<string, string>
        {
            ["NewInput.TopicKey"] = topic,
            ["NewInput.Subject"] = subject,
            ["NewInput.Message"] = message,
        }, files);
    }

    public static async Task<PortalPage> ReplyAsync(this PortalClient client, long id, string message, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetAsync($"/account/requests/{id}");
        return await client.SubmitMultipartAsync(page, "reply", new Dictionary<string, string> { ["ReplyInput.Message"] = message }, files);
    }

    /// <summary>Posts the named form as multipart/form-data, each file with a content type the browser would claim.</summary>
    public static async Task<PortalPage> SubmitMultipartAsync(this PortalClient client, PortalPage page, string handler, IDictionary<string, string> values, params (string Name, byte[] Content)[] files)
    {
        var form = page.Form(handler);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var content = new MultipartFormDataContent();
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            // What a browser claims from the extension; the portal must not believe it.
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream");
            content.Add(file, "Attachments", fileName);
        }

        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!;
        var response = await client.Http.PostAsync(new Uri(page.BaseUri, target), content);
        return new PortalPage(response.RequestMessage!.RequestUri!, response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The request number from the redirect after opening one.</summary>
    public static long OpenedId(PortalPage opened)
    {
        var target = opened.RedirectTarget;
        Assert.NotNull(target);
        Assert.StartsWith("/account/requests/", target, StringComparison.Ordinal);
        return long.Parse(target["/account/requests/".Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
