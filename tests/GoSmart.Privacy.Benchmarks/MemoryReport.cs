using System.Diagnostics;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>What every memory probe prints after its run: time, peak working set, the GC heap and its hard limit.</summary>
public static class MemoryReport
{
    public static void Print(TimeSpan elapsed)
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"elapsed: {elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine($"GC heap after: {gc.HeapSizeBytes / 1024.0 / 1024.0:F1} MB; total allocated: {GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0:F0} MB");
        Console.WriteLine($"GC heap hard limit: {(gc.TotalAvailableMemoryBytes > 1L << 40 ? "none" : $"{gc.TotalAvailableMemoryBytes / 1024.0 / 1024.0:F0} MB")}");
    }
}
