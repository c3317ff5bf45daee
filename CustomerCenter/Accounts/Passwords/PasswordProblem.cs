namespace CustomerCenter.Accounts.Passwords;

/// <summary>Why a new password is refused; each has its own message in every language.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,

    /// <summary>Found in the bundled breach corpus.</summary>
    Leaked,

    /// <summary>Contains the member's name or e-mail address.</summary>
    ContainsPersonalData,

    // The rest say what made the password easy to guess, from the pattern the estimator found.
    Repetition,
    CommonWords,
    CommonPasswordInside,
    PortalWords,
    SequenceOrKeyboard,
    DateOrYear,
    EasyToGuess,
}
