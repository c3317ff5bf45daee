namespace CustomerCenter.Support;

/// <summary>Column lengths, shared by the model and the forms' validators.</summary>
public static class SupportLimits
{
    public const int SubjectLength = 200;

    public const int BodyLength = 20_000;

    public const int FileNameLength = 255;
}
