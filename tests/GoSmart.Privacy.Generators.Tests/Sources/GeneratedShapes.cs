// Compiled by the generator tests (not into the test assembly): shapes the generated code must reach.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using GoSmart.Privacy;

namespace Host.Shapes
{
    public enum Tier { Free, Pro }

    public class Phone
    {
        [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask, VisibleCharacters = 2)]
        public string? Number { get; set; }
    }

    public sealed class PhoneBook : Collection<Phone>
    {
    }

    public class BaseRecord
    {
        [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
        private string? _secretEmail;

        [PersonalField(DataCategories.Name)]
        public string? Name { get; protected set; }

        public string? SecretEmail => _secretEmail;

        public void Fill(string? email, string? name)
        {
            _secretEmail = email;
            Name = name;
        }
    }

    /// <summary>Private base members, keywords as names, protected setters, odd collections.</summary>
    public sealed class Customer : BaseRecord
    {
        [DataSubjectId]
        public long Id { get; set; }

        [PersonalField(DataCategories.Name)]
        public string @event { get; set; } = "";

        [PersonalField(DataCategories.AccountStatus, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
        public Tier Tier { get; set; }

        [PersonalField(DataCategories.ContactEmail)]
        public ImmutableArray<string> Aliases { get; set; } = ImmutableArray<string>.Empty;

        [PersonalField(DataCategories.ContentPrivate, Erasure = ErasureStrategy.Mask, VisibleCharacters = 1)]
        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Generalize, BucketSize = 5)]
        public IList<int?> Ages { get; set; } = new List<int?>();

        public PhoneBook Book { get; set; } = new();

        public IEnumerable<Phone> Others { get; set; } = Array.Empty<Phone>();

        public Wrapper Wrapped { get; init; } = new();
    }

    /// <summary>No tags of its own: reached through Customer.Wrapped, so it gets a plan too.</summary>
    public sealed class Wrapper
    {
        public Phone? Inner { get; set; }
    }

    public struct Coordinates
    {
        [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Generalize, BucketSize = 1)]
        private double _latitude;

        [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Generalize, BucketSize = 1)]
        public double Longitude { get; init; }

        public Coordinates(double latitude, double longitude)
        {
            _latitude = latitude;
            Longitude = longitude;
        }

        public readonly double Latitude => _latitude;
    }

    public readonly record struct Visit(
        [property: DataSubjectId] Guid VisitorId,
        [property: PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)] System.Net.IPAddress? Ip);

    public interface IHasEmail
    {
        [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
        string? Email { get; set; }
    }

    /// <summary>Interface tags do not carry over to implementations: its values are handled with the plan of IHasEmail.</summary>
    public sealed class EmailHolder : IHasEmail
    {
        public string? Email { get; set; }
    }

    public class Outer
    {
        public class Inner
        {
            [DataSubjectId]
            public string Key { get; set; } = "";

            [SensitiveField(SpecialCategory.Health)]
            public string? Diagnosis { get; set; }
        }
    }

    /// <summary>Gets a reflection plan (GSP100): generic type definitions cannot be registered.</summary>
    public sealed class Envelope<T>
    {
        [PersonalField(DataCategories.Name)]
        public string? Sender { get; set; }

        public T? Payload { get; set; }
    }

    public sealed class Holder
    {
        /// <summary>Gets a reflection plan (GSP100): generated code cannot name a private nested type.</summary>
        private sealed class Hidden
        {
            [PersonalField(DataCategories.Name)]
            public string? Name { get; set; }
        }

        public static object MakeHidden(string name) => new Hidden { Name = name };
    }

    public static class Samples
    {
        /// <summary>The same values every call, so that two copies can be redacted by two plans.</summary>
        public static (Type Plan, object Value)[] Create()
        {
            var customer = new Customer
            {
                Id = 42, @event = "Ada", Tier = Tier.Pro, Aliases = ImmutableArray.Create("a@x.example", "b@x.example"),
                Labels = new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["home"] = "Kensington" }),
                Ages = new List<int?> { 37, null, 81 },
                Book = new PhoneBook { new Phone { Number = "+44 20 7946 0958" }, new Phone() },
                Others = new[] { new Phone { Number = "+1 202 555 0100" } },
                Wrapped = new Wrapper { Inner = new Phone { Number = "0123" } },
            };
            customer.Fill("ada@example.com", "Ada Lovelace");
            return
            [
                (typeof(Customer), customer),
                (typeof(Coordinates), new Coordinates(51.5074, -0.1278)),
                (typeof(Visit), new Visit(new Guid("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21"), System.Net.IPAddress.Parse("203.0.113.77"))),
                (typeof(IHasEmail), new EmailHolder { Email = "grace@example.com" }),
                (typeof(Outer.Inner), new Outer.Inner { Key = "k-1", Diagnosis = "flu" }),
                (typeof(Wrapper), new Wrapper { Inner = new Phone { Number = "555" } }),
                (typeof(Envelope<int>), new Envelope<int> { Sender = "Ada", Payload = 7 }),
                (typeof(GlobalNamespaceType), new GlobalNamespaceType { Name = "Ada" }),
                (Holder.MakeHidden("x").GetType(), Holder.MakeHidden("Hidden Ada")),
            ];
        }
    }
}

public sealed class GlobalNamespaceType
{
    [PersonalField(DataCategories.Name)]
    public string? Name { get; set; }
}
