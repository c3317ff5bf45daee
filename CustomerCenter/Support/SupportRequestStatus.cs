namespace CustomerCenter.Support;

public enum SupportRequestStatus
{
    New,
    Open,
    WaitingForMember,
    Closed,
}
