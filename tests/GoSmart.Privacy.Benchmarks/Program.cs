using BenchmarkDotNet.Running;
using GoSmart.Privacy;
using GoSmart.Privacy.Benchmarks;

if (args.Length >= 1 && args[0] == "--export-memory")
{
    var messages = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    var format = args.Length >= 3 ? Enum.Parse<AccessPackageFormat>(args[2], ignoreCase: true) : AccessPackageFormat.Json;
    return await ExportMemoryProbe.RunAsync(messages, format);
}

if (args.Length >= 3 && args[0] == "--ef-memory")
{
    return await EfMemoryProbe.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
}

if (args.Length >= 3 && args[0] == "--instances")
{
    return await StoreThroughputProbe.RunInstancesAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
}

if (args.Length >= 2 && args[0] == "--store-throughput")
{
    return await StoreThroughputProbe.RunAsync(args[1], args.Length >= 3 ? args[2] : null);
}

if (args.Length >= 1 && args[0] == "--evaluate")
{
    return ScannerEvaluationCommand.Run(args.Length >= 2 ? args[1] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(PlanBenchmarks).Assembly).Run(args);
return 0;
