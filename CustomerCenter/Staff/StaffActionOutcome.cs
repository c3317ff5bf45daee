namespace CustomerCenter.Staff;

/// <summary>What came of a staff action; every outcome but <see cref="Done"/> changed nothing.</summary>
public enum StaffActionOutcome
{
    Done,

    /// <summary>The member acted on does not exist (any more).</summary>
    NotFound,

    /// <summary>The acting person holds no staff role any more, or is locked or gone.</summary>
    NoLongerStaff,

    /// <summary>The action is for Admins only.</summary>
    AdminsOnly,

    /// <summary>The member acted on is Staff or Admin: only Admins act on them.</summary>
    TargetIsStaff,

    /// <summary>The change itself failed (Identity refused it, or the member was changed meanwhile); rolled back.</summary>
    Failed,

    /// <summary>Locking, erasing or removing from the team oneself: another Admin has to do it.</summary>
    ActingOnOneself,

    /// <summary>The member acted on is the last active Admin: nobody could manage the team afterwards.</summary>
    LastAdmin,

    /// <summary>The new address of an edit belongs to another member.</summary>
    EmailInUse,

    /// <summary>The person added to the team holds the role chosen already, or Admin.</summary>
    AlreadyOnTeam,
}
