namespace CustomerCenter.Support.Forms;

public sealed class NewRequestForm
{
    public string TopicKey { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Message { get; set; } = "";
}
