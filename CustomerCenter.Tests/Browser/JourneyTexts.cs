namespace CustomerCenter.Tests.Browser;

/// <summary>
/// What a person reads on the way through the portal in one language, written out rather than looked up in the
/// resources, so a wrong or missing resource key shows up as a failing test.
/// </summary>
public sealed record JourneyTexts(
    string Language,
    string CreateAccessTitle,
    string EmailLabel,
    string RequestLink,
    string CheckMailboxTitle,
    string MailSubject,
    string SetPasswordTitle,
    string FirstNameLabel,
    string LastNameLabel,
    string NewPasswordLabel,
    string ConfirmPasswordLabel,
    string ConsentLabelStart,
    string CreateAccessSubmit,
    string WelcomeFormat,
    string SaveName,
    string NameSaved,
    string Logout,
    string LoginTitle)
{
    public static JourneyTexts For(string language) => language switch
    {
        "de" => new(
            "de",
            CreateAccessTitle: "Zugang erstellen",
            EmailLabel: "E-Mail-Adresse",
            RequestLink: "Link anfordern",
            CheckMailboxTitle: "Bitte prüfen Sie Ihr Postfach",
            MailSubject: "Ihr Zugang zum Kundenzentrum: Passwort festlegen",
            SetPasswordTitle: "Passwort festlegen",
            FirstNameLabel: "Vorname",
            LastNameLabel: "Nachname",
            NewPasswordLabel: "Neues Passwort",
            ConfirmPasswordLabel: "Neues Passwort wiederholen",
            ConsentLabelStart: "Ich akzeptiere die",
            CreateAccessSubmit: "Zugang erstellen",
            WelcomeFormat: "Willkommen, {0} {1}",
            SaveName: "Name speichern",
            NameSaved: "Ihr Name wurde gespeichert.",
            Logout: "Abmelden",
            LoginTitle: "Anmelden"),
        "en" => new(
            "en",
            CreateAccessTitle: "Create access",
            EmailLabel: "Email address",
            RequestLink: "Send me the link",
            CheckMailboxTitle: "Check your email",
            MailSubject: "Your Customer Center access: set your password",
            SetPasswordTitle: "Set your password",
            FirstNameLabel: "First name",
            LastNameLabel: "Last name",
            NewPasswordLabel: "New password",
            ConfirmPasswordLabel: "Repeat the new password",
            ConsentLabelStart: "I accept the",
            CreateAccessSubmit: "Create access",
            WelcomeFormat: "Welcome, {0} {1}",
            SaveName: "Save name",
            NameSaved: "Your name has been saved.",
            Logout: "Log out",
            LoginTitle: "Log in"),
        "ja" => new(
            "ja",
            CreateAccessTitle: "アカウント作成",
            EmailLabel: "メールアドレス",
            RequestLink: "リンクを送信",
            CheckMailboxTitle: "メールをご確認ください",
            MailSubject: "カスタマーセンター：パスワードの設定",
            SetPasswordTitle: "パスワードの設定",
            FirstNameLabel: "名",
            LastNameLabel: "姓",
            NewPasswordLabel: "新しいパスワード",
            ConfirmPasswordLabel: "新しいパスワード（確認）",
            ConsentLabelStart: "私は",
            CreateAccessSubmit: "アカウントを作成",
            WelcomeFormat: "ようこそ、{1} {0} さん",
            SaveName: "名前を保存",
            NameSaved: "お名前を保存しました。",
            Logout: "ログアウト",
            LoginTitle: "ログイン"),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "The portal speaks de, en and ja."),
    };

    public string Welcome(string firstName, string lastName) => string.Format(System.Globalization.CultureInfo.InvariantCulture, WelcomeFormat, firstName, lastName);
}
