namespace GoSmart.Privacy.Design;

/// <summary>What the tool passes to <see cref="IPrivacyDesignTimeServices.ConfigureServices"/>.</summary>
/// <param name="ConnectionString">The privacy store's connection string given with <c>--connection</c>, or <see langword="null"/>: use an in-memory store then.</param>
/// <param name="AssemblyDirectory">The directory of the host's assembly, for files the host keeps beside it.</param>
public sealed record PrivacyDesignTimeContext(string? ConnectionString, string AssemblyDirectory);
