namespace CustomerCenter.Support.MailIn;

public enum MailIntakeOutcome
{
    /// <summary>The sender's answer is now part of their request.</summary>
    AddedToRequest,
    /// <summary>A new request, waiting for its sender to confirm the address (double opt-in).</summary>
    OpenedRequest,
    /// <summary>Taken in before (a crash between the commit and the move, or another instance): nothing stored again.</summary>
    AlreadyTakenIn,
    /// <summary>An auto-reply, bounce, list mail, our own mail or one without a usable sender: stored nowhere, answered never.</summary>
    Ignored,
}
