using System.Security.Cryptography;
using GoSmart.Chat.Sample;

var data = Path.GetFullPath(Environment.GetEnvironmentVariable("GOSMART_CRM_DATA") ?? "crm-data"); // the privacy database is shared with the CRM
var key = Environment.GetEnvironmentVariable("GOSMART_PRIVACY_PSEUDONYM_KEY") ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var app = ChatSampleApp.Create(args, data, key);
await ChatSampleApp.SeedAsync(app.Services);
Console.WriteLine($"Go Smart Chat sample: privacy steps run in the background. Data in {data}.");
await app.RunAsync();
