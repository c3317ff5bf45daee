using CustomerCenter.Tests.Infrastructure;
using MimeKit;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// The operator's first steps with the published portal, as the README gives them: <c>migrate</c>, then
/// <c>add-admin</c> on a database the portal has never run on (no data-protection key yet).
/// </summary>
public sealed class AddAdminProcessTests
{
    [Fact]
    public async Task Add_admin_on_a_new_database_before_the_portal_ever_ran_mails_the_invitation()
    {
        var options = PortalProcessOptions.OnNewDatabase();
        try
        {
            var (migrated, migrateOutput) = await PortalProcess.RunCommandAsync(options, "migrate");
            Assert.True(migrated == 0, migrateOutput);

            // The invitation's link needs the first data-protection key, made inside the invitation's transaction.
            var (added, addOutput) = await PortalProcess.RunCommandAsync(options, "add-admin", "first.admin@chamber.example");

            Assert.True(added == 0, addOutput);
            var mail = Assert.Single(Directory.GetFiles(options.PickupDirectory, "*.eml"));
            var message = await MimeMessage.LoadAsync(mail);
            Assert.Equal("first.admin@chamber.example", message.To.Mailboxes.Single().Address);
            Assert.Contains("/embed/set-password?member=", message.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(options.WorkingDirectory, recursive: true);
        }
    }
}
