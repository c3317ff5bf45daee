using CustomerCenter.Accounts.Passwords;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly CommonPasswords Common = new();

    private static PasswordPolicy Policy(int minimumLength = 15) =>
        new(Options.Create(new PasswordRulesOptions { MinimumLength = minimumLength }), Common);

    [Fact]
    public void The_bundled_list_holds_ten_thousand_common_passwords() => Assert.Equal(10_000, Common.Count);

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("ありがとうございます本当に助かりました")]
    [InlineData("               x")]
    [InlineData("Zürich im Frühling 2026")]
    public void Long_passphrases_of_any_script_and_spaces_pass(string password) =>
        Assert.Empty(Policy().Check(password, "member@example.de"));

    [Fact]
    public void Length_counts_unicode_code_points_not_utf16_units()
    {
        // 8 emoji are 16 UTF-16 units but 8 characters for NIST.
        Assert.Equal([PasswordProblem.TooShort], Policy(10).Check("😀😀😀😀😀😀😀😀", null));
        Assert.Empty(Policy(8).Check("😀😀😀😀😀😀😀😀", null));
    }

    [Fact]
    public void Short_and_overlong_passwords_are_refused()
    {
        Assert.Equal([PasswordProblem.TooShort], Policy().Check("fourteen chars", null));
        Assert.Equal([PasswordProblem.TooLong], Policy().Check(new string('p', 129), null));
        Assert.Empty(Policy().Check(new string('p', 128), null));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("qwertyuiop")]
    public void Common_passwords_are_refused_whatever_the_case(string password) =>
        Assert.Contains(PasswordProblem.Common, Policy(8).Check(password, null));

    [Fact]
    public void A_password_built_on_the_email_local_part_is_refused() =>
        Assert.Equal([PasswordProblem.ContainsEmail], Policy().Check("Hanna.Schmidt-is-my-password", "hanna.schmidt@example.de"));

    [Fact]
    public void No_composition_rules_apply() =>
        Assert.Empty(Policy().Check("all lower case words only", null));
}
