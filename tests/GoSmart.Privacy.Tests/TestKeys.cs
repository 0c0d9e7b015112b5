using System.Security.Cryptography;

namespace GoSmart.Privacy.Tests;

internal static class TestKeys
{
    public static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static readonly RedactionContext Context = new(Key);

    public static RedactionContext NewContext() => new(RandomNumberGenerator.GetBytes(32));
}
