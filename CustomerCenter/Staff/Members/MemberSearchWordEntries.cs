namespace CustomerCenter.Staff.Members;

/// <summary>How many entries a search word has in each search index's range, each counted only up to a bound.</summary>
internal sealed record MemberSearchWordEntries(string Word, int FirstName, int LastName, int Email)
{
    public int All => FirstName + LastName + Email;

    /// <summary>
    /// The entries a page sorted by <paramref name="sort"/> reads whole from this word's ranges: all but those of the
    /// sort column's range, which the page reads in its own order and leaves after the page.
    /// </summary>
    public int OutsideOrderOf(MemberSortColumn sort) => sort switch
    {
        MemberSortColumn.FirstName => LastName + Email,
        MemberSortColumn.LastName => FirstName + Email,
        MemberSortColumn.Email => FirstName + LastName,
        _ => All,
    };
}
