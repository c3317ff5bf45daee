namespace CustomerCenter.Localization;

/// <summary>Marker for the portal's texts: Texts.resx (German, the neutral language), Texts.en.resx, Texts.ja.resx.</summary>
public sealed class Texts;
