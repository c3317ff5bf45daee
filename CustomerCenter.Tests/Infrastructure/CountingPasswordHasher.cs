using CustomerCenter.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>The real hasher, counting verifications: proves the work a login does without timing it.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Member>
{
    private readonly PasswordHasher<Member> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(Member user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Member user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
