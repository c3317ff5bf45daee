namespace CustomerCenter.Support.Forms;

public sealed class VisitorRequestForm
{
    public string Email { get; set; } = "";

    public string? Name { get; set; }

    public string TopicKey { get; set; } = "";

    public string Message { get; set; } = "";
}
