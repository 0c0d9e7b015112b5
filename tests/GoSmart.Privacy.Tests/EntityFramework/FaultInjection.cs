using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>Breaks chosen <c>SaveChanges</c> calls of the chat context: a crash before a batch is stored, or another writer bumping a concurrency token.</summary>
internal sealed class FaultInjection : SaveChangesInterceptor
{
    private int _saves;

    /// <summary>Gets or sets which entity type's batches are counted and broken.</summary>
    public Type Entity { get; set; } = typeof(ChatPost);

    /// <summary>Gets or sets the 1-based save that throws (a crash before the batch is stored), or 0.</summary>
    public int CrashOnSave { get; set; }

    /// <summary>Gets or sets how many saves find a row changed by another writer (its concurrency token bumped).</summary>
    public int Conflicts { get; set; }

    /// <summary>Gets how many saves of the entity were stored.</summary>
    public int Stored { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        if (db.ChangeTracker.Entries().Any(e => e.Metadata.ClrType == Entity && e.State != EntityState.Unchanged))
        {
            if (++_saves == CrashOnSave)
            {
                throw new IOException("simulated crash before the batch was stored");
            }

            if (Conflicts > 0)
            {
                Conflicts--;
                await db.Database.ExecuteSqlRawAsync("UPDATE \"Users\" SET \"Version\" = \"Version\" + 1", cancellationToken);
            }
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries().Any(e => e.Metadata.ClrType == Entity))
        {
            Stored++;
        }

        return ValueTask.FromResult(result);
    }
}
