namespace GoSmart.Privacy;

/// <summary>
/// Stores a <see cref="PersonalFieldAttribute"/> or <see cref="SensitiveFieldAttribute"/> string member encrypted under
/// its subject's own data key (crypto-shredding): erasing the subject destroys the key, so every copy of the value —
/// backups, replicas, exports never rewritten — becomes unreadable. The EF Core package encrypts such members on save and
/// decrypts them on load; a shredded value reads as erased.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CryptoShreddedAttribute : Attribute
{
}
