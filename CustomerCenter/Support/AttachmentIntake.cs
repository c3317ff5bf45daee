using CustomerCenter.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support;

/// <summary>
/// Turns the files of a posted form into attachments, or into the messages that say why not: too many, too large, or a
/// type the content does not prove (<see cref="AttachmentSniffer"/>). Nothing is stored unless every file passes.
/// </summary>
public sealed class AttachmentIntake(IOptions<SupportOptions> options, IStringLocalizer<Texts> texts)
{
    public int MaxAttachments => options.Value.MaxAttachments;

    public int MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    public async Task<AttachmentIntakeResult> ReadAsync(IEnumerable<IFormFile> posted, CancellationToken cancellationToken)
    {
        // A file input left empty still posts a part without a name or content.
        var files = posted.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count > MaxAttachments)
        {
            return AttachmentIntakeResult.Refused(texts["Support_AttachmentsTooMany", MaxAttachments]);
        }

        var accepted = new List<SupportAttachment>();
        var problems = new List<string>();
        foreach (var file in files)
        {
            var name = CleanFileName(file.FileName);
            // Known before reading: a file too large is not read into memory.
            if (SizeProblem(name, file.Length) is { } sizeProblem)
            {
                problems.Add(sizeProblem);
                continue;
            }

            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }

            Take(name, content, accepted, problems);
        }

        return problems.Count == 0 ? AttachmentIntakeResult.Accepted(accepted) : AttachmentIntakeResult.Refused([.. problems]);
    }

    /// <summary>
    /// The files of a mail, by the same rules as the form's; but a mail cannot be sent back to be fixed, so the files
    /// that pass are kept and the others are named in the problems (stored with the message for staff to see).
    /// </summary>
    public AttachmentIntakeResult ReadMailFiles(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var accepted = new List<SupportAttachment>();
        var problems = new List<string>();
        foreach (var (fileName, content) in files)
        {
            if (accepted.Count >= MaxAttachments)
            {
                problems.Add(texts["Support_AttachmentsTooMany", MaxAttachments]);
                break;
            }

            Take(CleanFileName(fileName), content, accepted, problems);
        }

        return new AttachmentIntakeResult(accepted, problems);
    }

    /// <summary>The one check of a file, posted or mailed: not empty, not too large, a type its content proves.</summary>
    private void Take(string name, byte[] content, List<SupportAttachment> accepted, List<string> problems)
    {
        if (SizeProblem(name, content.Length) is { } sizeProblem)
        {
            problems.Add(sizeProblem);
        }
        else if (AttachmentSniffer.Sniff(content) is not { } contentType)
        {
            problems.Add(texts["Support_AttachmentTypeRefused", name]);
        }
        else
        {
            accepted.Add(new SupportAttachment { Id = Guid.CreateVersion7(), FileName = name, ContentType = contentType, Size = content.Length, Content = content });
        }
    }

    private string? SizeProblem(string name, long length) =>
        length == 0 ? texts["Support_AttachmentEmpty", name].Value
        : length > MaxAttachmentBytes ? texts["Support_AttachmentTooLarge", name, FileSize.Format(MaxAttachmentBytes)].Value
        : null;

    /// <summary>The last segment of whatever path a browser sent (Windows ones too), without control characters.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Split('/', '\\').Last();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not '"')]).Trim();
        if (name.Length > SupportLimits.FileNameLength)
        {
            name = name[^SupportLimits.FileNameLength..];
        }

        return name.Length == 0 || name is "." or ".." ? "attachment" : name;
    }
}
