namespace CustomerCenter.Support.Forms;

public sealed class ReplyForm
{
    public string Message { get; set; } = "";
}
