using System.Globalization;

namespace CustomerCenter.Support;

/// <summary>A byte count as people read it, in the current culture's digits: "5 MB", "12 KB", "800 B".</summary>
public static class FileSize
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " KB",
        _ => bytes.ToString(CultureInfo.CurrentCulture) + " B",
    };
}
