using BenchmarkDotNet.Running;
using GoSmart.Privacy;
using GoSmart.Privacy.Benchmarks;

if (args.Length >= 1 && args[0] == "--export-memory")
{
    var messages = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    var format = args.Length >= 3 ? Enum.Parse<AccessPackageFormat>(args[2], ignoreCase: true) : AccessPackageFormat.Json;
    return await ExportMemoryProbe.RunAsync(messages, format);
}

BenchmarkSwitcher.FromAssembly(typeof(PlanBenchmarks).Assembly).Run(args);
return 0;
