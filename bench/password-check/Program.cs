using System.Diagnostics;
using System.Globalization;
using CustomerCenter.Accounts.Passwords;
using Microsoft.Extensions.Options;

// Time per password check (breach list, personal data, zxcvbn) once the dictionaries are loaded, as the singleton runs.
var options = Options.Create(new PasswordRulesOptions());
var load = Stopwatch.StartNew();
var guessability = new PasswordGuessability(options);
var policy = new PasswordPolicy(options, new LeakedPasswords(), guessability);
policy.Check("warm up the dictionaries", PasswordOwner.Unknown);
Console.WriteLine($"dictionaries loaded and first check: {load.ElapsedMilliseconds} ms");

var owner = new PasswordOwner("hanna.schmidt@handelskammer-tokio.de", "Hanna", "Schmidt");
var examples = new PassphraseExamples(policy);
string[] passwords = args.Length > 0 ? args :
[
    "passwordpassword", "Sonnenschein2024", "correct horse battery staple", "hanna schmidt liebt kaffee",
    "qwertzuiop1234567", "kundencenter2025!", "               x", "Zürich im Frühling 2026",
    examples.Create(CultureInfo.GetCultureInfo("de")), examples.Create(CultureInfo.GetCultureInfo("en")), examples.Create(CultureInfo.GetCultureInfo("ja")),
    "Tr0ub4dor&3 is not a passphrase, 1q2w3e4r5t6y7u8i9o0p and 11.03.1987 are no better either",
    string.Concat(Enumerable.Repeat("x1!Qz9@w", 16)),
    string.Concat(Enumerable.Range(0, 128).Select(i => (char)('!' + (i * 37 % 90)))),
];

// Until the JIT has recompiled zxcvbn's hot paths (tiered compilation), a check costs several times its steady state.
for (var i = 0; i < 20; i++)
{
    foreach (var password in passwords)
    {
        policy.Check(password, owner);
    }
}

Console.WriteLine("  mean ms    max ms    cpu ms  length  score   bits  password                                  problems");
foreach (var password in passwords)
{
    const int rounds = 50;
    var estimate = guessability.Estimate(password, owner);
    var problems = string.Join(", ", policy.Check(password, owner));
    var times = new List<double>(rounds);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < rounds; i++)
    {
        var timer = Stopwatch.StartNew();
        policy.Check(password, owner);
        times.Add(timer.Elapsed.TotalMilliseconds);
    }

    // CPU time tells the work apart from waiting for a core on a busy machine.
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
    Console.WriteLine($"{times.Average(),8:F2}  {times.Max(),8:F2}  {cpu,8:F2}  {password.Length,6}  {estimate.Score,5}  {estimate.Entropy,5:F1}  {Shorten(password),-40}  {problems}");
}

static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;
