namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A test against a real IMAP server (<see cref="DovecotTestServer"/>); skipped, saying why, only where Dovecot is not installed.</summary>
public sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        if (!DovecotTestServer.IsInstalled)
        {
            Skip = $"No {DovecotTestServer.Executable}: {DovecotTestServer.InstallHint} (.ci/run installs it).";
        }
    }
}
