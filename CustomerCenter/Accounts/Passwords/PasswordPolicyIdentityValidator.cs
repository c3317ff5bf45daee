using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Accounts.Passwords;

/// <summary>Makes Identity enforce the same policy as the forms, so no path can set a weaker password.</summary>
internal sealed class PasswordPolicyIdentityValidator(PasswordPolicy policy) : IPasswordValidator<Member>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password)
    {
        var problems = policy.Check(password, new PasswordOwner(user.Email, user.FirstName, user.LastName));
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(p => new IdentityError { Code = $"Password{p}", Description = $"Password rule violated: {p}" })]));
    }
}
