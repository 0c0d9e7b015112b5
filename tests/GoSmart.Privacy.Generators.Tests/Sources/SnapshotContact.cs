// The generated code for this file is checked in under Snapshots/ and compared on every test run.
using System;
using System.Collections.Generic;
using GoSmart.Privacy;

namespace Host.Snapshot
{
    public sealed class Contact
    {
        [DataSubjectId]
        public Guid Id { get; set; }

        [PersonalField(DataCategories.Name)]
        public string Name { get; set; } = "";

        [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash, ExportName = "email_address")]
        public string? Email { get; init; }

        [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)]
        public DateOnly? BirthDate { get; set; }

        [SensitiveField(SpecialCategory.Health)]
        private string? _note;

        public void SetNote(string? note) => _note = note;

        public List<Phone> Phones { get; set; } = new();

        public Contact? Referrer { get; set; }
    }

    public struct Phone
    {
        [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask, VisibleCharacters = 2)]
        public string? Number { get; set; }
    }
}
