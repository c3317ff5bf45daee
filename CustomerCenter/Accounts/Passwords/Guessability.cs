namespace CustomerCenter.Accounts.Passwords;

/// <summary>The estimator's verdict: zxcvbn's score (0–4), the entropy it stands for, and what makes the password guessable.</summary>
public sealed record Guessability(int Score, double Entropy, PasswordProblem Weakness);
