namespace CustomerCenter.AccessLog.Demo;

/// <summary>Small lists of common German, Japanese and English names, each with the ASCII form its e-mail address uses.</summary>
internal static class DemoNames
{
    public sealed record Culture(string Language, string[] Domains, (string Name, string Ascii)[] FirstNames, (string Name, string Ascii)[] LastNames);

    public static readonly Culture German = new(
        "de",
        ["beispiel.example", "firma.example", "handel.example", "post.example"],
        [
            ("Anna", "anna"), ("Hanna", "hanna"), ("Lena", "lena"), ("Marie", "marie"), ("Sophie", "sophie"), ("Jürgen", "juergen"),
            ("Lukas", "lukas"), ("Jonas", "jonas"), ("Felix", "felix"), ("Maximilian", "maximilian"), ("Katrin", "katrin"),
            ("Sabine", "sabine"), ("Thomas", "thomas"), ("Stefan", "stefan"), ("Björn", "bjoern"), ("Uwe", "uwe"), ("Özlem", "oezlem"),
            ("Claudia", "claudia"), ("Andreas", "andreas"), ("Petra", "petra"),
        ],
        [
            ("Müller", "mueller"), ("Schmidt", "schmidt"), ("Schneider", "schneider"), ("Fischer", "fischer"), ("Weber", "weber"),
            ("Meyer", "meyer"), ("Wagner", "wagner"), ("Becker", "becker"), ("Schulz", "schulz"), ("Hoffmann", "hoffmann"),
            ("Schäfer", "schaefer"), ("Koch", "koch"), ("Bauer", "bauer"), ("Richter", "richter"), ("Klein", "klein"),
            ("Wolf", "wolf"), ("Schröder", "schroeder"), ("Neumann", "neumann"), ("Schwarz", "schwarz"), ("Öztürk", "oeztuerk"),
        ]);

    public static readonly Culture Japanese = new(
        "ja",
        ["kaisha.example", "shoji.example", "boeki.example"],
        [
            ("陽翔", "haruto"), ("蓮", "ren"), ("湊", "minato"), ("大翔", "hiroto"), ("悠真", "yuma"), ("健太", "kenta"),
            ("翔太", "shota"), ("拓也", "takuya"), ("陽葵", "himari"), ("結菜", "yuina"), ("さくら", "sakura"), ("美咲", "misaki"),
            ("由美", "yumi"), ("恵子", "keiko"), ("花子", "hanako"), ("直樹", "naoki"),
        ],
        [
            ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"), ("渡辺", "watanabe"),
            ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"),
            ("佐々木", "sasaki"), ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"),
        ]);

    public static readonly Culture English = new(
        "en",
        ["example.com", "example.org", "mail.example", "trading.example"],
        [
            ("Oliver", "oliver"), ("James", "james"), ("William", "william"), ("Emily", "emily"), ("Olivia", "olivia"),
            ("Charlotte", "charlotte"), ("Harry", "harry"), ("George", "george"), ("Amelia", "amelia"), ("Jack", "jack"),
            ("Sarah", "sarah"), ("Michael", "michael"), ("Jennifer", "jennifer"), ("David", "david"), ("Chloé", "chloe"), ("Seán", "sean"),
        ],
        [
            ("Smith", "smith"), ("Jones", "jones"), ("Taylor", "taylor"), ("Brown", "brown"), ("Williams", "williams"),
            ("Wilson", "wilson"), ("Johnson", "johnson"), ("Davies", "davies"), ("Robinson", "robinson"), ("Wright", "wright"),
            ("Thompson", "thompson"), ("Evans", "evans"), ("Walker", "walker"), ("O'Brien", "obrien"), ("Miller", "miller"), ("Clarke", "clarke"),
        ]);

    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0",
    ];
}
