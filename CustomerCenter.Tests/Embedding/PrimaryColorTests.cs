using CustomerCenter.Embedding;

namespace CustomerCenter.Tests.Embedding;

public sealed class PrimaryColorTests
{
    [Theory]
    [InlineData("#003865", "#003865")]
    [InlineData("#00529B", "#00529b")]
    [InlineData("#035", "#003355")]
    public void A_hex_colour_dark_enough_for_white_text_is_kept(string value, string hex)
    {
        Assert.True(PrimaryColor.TryParse(value, out var color));
        Assert.Equal(hex, color.Hex);
        Assert.Equal($"--cc-primary:{hex};--cc-primary-dark:{color.DarkHex}", color.Style);
        Assert.NotEqual(color.Hex, color.DarkHex);
    }

    [Theory]
    [InlineData("#ffcc00")]
    [InlineData("#ffffff")]
    [InlineData("#7fb3ff")]
    public void A_colour_too_light_for_white_text_is_darkened_until_it_is_readable(string value)
    {
        Assert.True(PrimaryColor.TryParse(value, out var color));

        Assert.NotEqual(value, color.Hex);
        Assert.True(ContrastWithWhite(color.Hex) >= 4.5, $"{color.Hex} has {ContrastWithWhite(color.Hex):0.00}:1 with white");
        Assert.True(ContrastWithWhite(color.DarkHex) >= 4.5);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("003865")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#ggg")]
    [InlineData("#fff;}")]
    [InlineData("#fff\"")]
    [InlineData("rgb(0,0,0)")]
    [InlineData("#٠٠٠")]
    public void Anything_but_a_hex_colour_is_refused(string? value) => Assert.False(PrimaryColor.TryParse(value, out _));

    private static double ContrastWithWhite(string hex)
    {
        static double Linear(int channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var rgb = Convert.ToInt32(hex[1..], 16);
        var luminance = (0.2126 * Linear((rgb >> 16) & 0xff)) + (0.7152 * Linear((rgb >> 8) & 0xff)) + (0.0722 * Linear(rgb & 0xff));
        return 1.05 / (luminance + 0.05);
    }
}
