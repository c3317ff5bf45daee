namespace CustomerCenter.Support;

public enum SupportQueueSort
{
    UpdatedAt,
    CreatedAt,
    Number,
    Subject,
    Status,
}
