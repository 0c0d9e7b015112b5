using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GoSmart.Privacy.Benchmarks.PlanBenchmarks).Assembly).Run(args);
