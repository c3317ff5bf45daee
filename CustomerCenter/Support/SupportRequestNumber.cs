using System.Globalization;

namespace CustomerCenter.Support;

/// <summary>How people see and type a request's number: "#000042" in pages and mail subjects.</summary>
public static class SupportRequestNumber
{
    public static string Format(long id) => "#" + id.ToString("D6", CultureInfo.InvariantCulture);
}
