using System.Security.Cryptography;
using GoSmart.Crm.Sample;

var data = Path.GetFullPath(Environment.GetEnvironmentVariable("GOSMART_CRM_DATA") ?? "crm-data");
var key = Environment.GetEnvironmentVariable("GOSMART_PRIVACY_PSEUDONYM_KEY") ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var app = CrmSampleApp.Create(args, data, key);
await CrmSampleApp.SeedAsync(app.Services);
Console.WriteLine($"Go Smart CRM sample: open /sign-in?tenant=acme&subject=ada then the privacy center. Data in {data}.");
await app.RunAsync();

/// <summary>The entry point, visible to tests.</summary>
public partial class Program;
