namespace CustomerCenter.Accounts.Passwords;

public enum PasswordProblem
{
    TooShort,
    TooLong,
    Common,
    ContainsEmail,
}
