using Microsoft.AspNetCore.Identity;

namespace CustomerCenter.Staff;

/// <summary>Runs Identity operations one after another and stops at the first that fails.</summary>
internal static class IdentitySteps
{
    public static async Task<IdentityResult> AllAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return IdentityResult.Success;
    }
}
