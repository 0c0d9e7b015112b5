using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>
/// Stores <see cref="CryptoShreddedAttribute"/> members (and Identity's <c>[ProtectedPersonalData]</c> ones) encrypted
/// under their subject's data key: encrypted as a save writes them, the entity keeping its plain values, and decrypted
/// as rows are read. A shredded subject's values read as erased (<see langword="null"/>), and are written as erased.
/// </summary>
internal sealed class CryptoShreddingInterceptor(IServiceProvider services) : SaveChangesInterceptor, IMaterializationInterceptor
{
    private const string IdentityProtected = "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute";
    private static readonly ConcurrentDictionary<Type, ProtectedMembers?> Members = new();
    private readonly ConditionalWeakTable<DbContext, List<Written>> _written = [];
    private IPersonalDataCipher? _cipher;

    private IPersonalDataCipher Cipher => _cipher ??= services.GetService<IPersonalDataCipher>()
        ?? throw new PrivacyException("An entity has [CryptoShredded] (or Identity [ProtectedPersonalData]) members, but crypto-shredding is off. Call AddCryptoShredding() and register a master key (UseDataProtectionForSubjectKeys()).");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EncryptAsync(eventData.Context!, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        EncryptAsync(eventData.Context!, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context!, saved: true);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context!, saved: true);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context!, saved: false);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Restore(eventData.Context!, saved: false);

    /// <summary>Decrypts a row's protected members as it is read (before it is tracked, so its snapshot holds the plain values).</summary>
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (For(entity.GetType()) is not { } members)
        {
            return entity;
        }

        SubjectRef? subject = null;
        foreach (var property in members.Properties)
        {
            if (property.GetValue(entity) is string stored && Cipher.IsProtected(stored))
            {
                subject ??= SubjectOf(materializationData.Context, entity, members, name => materializationData.GetPropertyValue(name));
                property.SetValue(entity, subject is null ? null : Cipher.Decrypt(subject, stored));
            }
        }

        return entity;
    }

    private async Task EncryptAsync(DbContext db, CancellationToken cancellationToken)
    {
        List<Written>? written = null;
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            if (For(entry.Metadata.ClrType) is not { } members)
            {
                continue;
            }

            SubjectRef? subject = null;
            foreach (var property in members.Properties)
            {
                var value = entry.Property(property.Name);
                if ((entry.State != EntityState.Added && !value.IsModified) || value.CurrentValue is not string plain || Cipher.IsProtected(plain))
                {
                    continue;
                }

                subject ??= SubjectOf(db, entry.Entity, members, name => entry.Property(name).CurrentValue)
                    ?? throw new PrivacyException($"A {entry.Metadata.ClrType.Name} is saved with a protected member '{property.Name}' but no subject id: crypto-shredding encrypts under the subject's key. Set its [DataSubjectId] before saving.");
                string? sealedValue;
                try
                {
                    sealedValue = await Cipher.EncryptAsync(subject, plain, cancellationToken).ConfigureAwait(false);
                }
                catch (PrivacyException) when (!cancellationToken.IsCancellationRequested)
                {
                    sealedValue = null; // the subject's key was shredded (they were erased): the member is written as erased, never in the clear
                }

                value.CurrentValue = sealedValue;
                (written ??= []).Add(new Written(entry, property.Name, sealedValue is null ? null : plain));
            }
        }

        if (written is not null)
        {
            _written.AddOrUpdate(db, written);
        }
    }

    /// <summary>Gives the entities their plain values back: unchanged after a save, still to be saved after a failure.</summary>
    private void Restore(DbContext db, bool saved)
    {
        if (!_written.TryGetValue(db, out var written))
        {
            return;
        }

        _written.Remove(db);
        foreach (var w in written)
        {
            var value = w.Entry.Property(w.Property);
            value.CurrentValue = w.Plain;
            if (saved && w.Entry.State != EntityState.Detached)
            {
                value.OriginalValue = w.Plain;
                value.IsModified = false;
            }
        }
    }

    private SubjectRef? SubjectOf(DbContext db, object entity, ProtectedMembers members, Func<string, object?> read)
    {
        var id = Convert.ToString(members.SubjectId(entity), CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var tenancy = services.GetService(typeof(EntityFrameworkPrivacyOptions<>).MakeGenericType(db.GetType())) as IContextTenancy
            ?? throw new PrivacyException($"{db.GetType().Name} stores protected members, but the privacy SDK does not know how its rows say their tenant. Call AddEntityFrameworkCore<{db.GetType().Name}>(o => o.TenantProperty = …) on the privacy builder.");
        var tenant = tenancy.SingleTenantId ?? (tenancy.TenantProperty is { } property ? Convert.ToString(read(property), CultureInfo.InvariantCulture) : null)
            ?? throw new PrivacyException($"{db.GetType().Name} keeps tenants apart with a query filter, so a row does not say its tenant and its subject's key cannot be found. Set TenantProperty (or SingleTenant) in AddEntityFrameworkCore.");
        return new SubjectRef(tenant, id);
    }

    private static ProtectedMembers? For(Type type) => Members.GetOrAdd(type, static t =>
    {
        var properties = t.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.GetCustomAttributes(true).Any(a => a is CryptoShreddedAttribute || a.GetType().FullName == IdentityProtected))
            .ToArray();
        if (properties.Length == 0)
        {
            return null;
        }

        var plan = PersonalDataPlans.For(t);
        Func<object, object?> subjectId = plan.SubjectIdPath is not null ? plan.GetSubjectId
            : t.GetProperty("Id") is { } id ? id.GetValue // an Identity user: its id is the subject
            : throw new PrivacyException($"{t.Name} has protected members but no [DataSubjectId]: crypto-shredding encrypts each value under its subject's key. Tag the member holding the subject's id.");
        return new ProtectedMembers(properties, subjectId);
    });

    private sealed record ProtectedMembers(PropertyInfo[] Properties, Func<object, object?> SubjectId);

    private sealed record Written(EntityEntry Entry, string Property, string? Plain);
}
