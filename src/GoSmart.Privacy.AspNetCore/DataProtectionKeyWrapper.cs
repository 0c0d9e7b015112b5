using Microsoft.AspNetCore.DataProtection;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>An <see cref="ISubjectKeyWrapper"/> over a Data Protection protector of its own purpose.</summary>
internal sealed class DataProtectionKeyWrapper(IDataProtectionProvider provider) : ISubjectKeyWrapper
{
    private readonly IDataProtector _protector = provider.CreateProtector("GoSmart.Privacy.SubjectKeys.v1");

    public byte[] Wrap(byte[] dataKey) => _protector.Protect(dataKey);

    public byte[] Unwrap(byte[] wrappedKey) => _protector.Unprotect(wrappedKey);
}
