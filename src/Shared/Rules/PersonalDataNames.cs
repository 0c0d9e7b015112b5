namespace GoSmart.Privacy.Rules;

/// <summary>
/// Member names and types that look like personal data, with the category a fix would suggest. Used by
/// <c>GSP001</c> to find members that are neither tagged nor <c>[NotPersonalData]</c>.
/// </summary>
internal static class PersonalDataNames
{
    // (fragment of a lower-cased member name without '_', suggested category); the first match wins.
    private static readonly string[][] Fragments =
    {
        new[] { "email", "user.contact.email" },
        new[] { "phone", "user.contact.phone_number" },
        new[] { "mobile", "user.contact.phone_number" },
        new[] { "firstname", "user.name.first" },
        new[] { "givenname", "user.name.first" },
        new[] { "lastname", "user.name.last" },
        new[] { "surname", "user.name.last" },
        new[] { "familyname", "user.name.last" },
        new[] { "fullname", "user.name" },
        new[] { "displayname", "user.name" },
        new[] { "birthdate", "user.demographic.date_of_birth" },
        new[] { "dateofbirth", "user.demographic.date_of_birth" },
        new[] { "dob", "user.demographic.date_of_birth" },
        new[] { "ipaddress", "user.device.ip_address" },
        new[] { "iban", "user.financial.bank_account" },
        new[] { "cardnumber", "user.financial.credit_card" },
        new[] { "creditcard", "user.financial.credit_card" },
        new[] { "ssn", "user.government_id" },
        new[] { "socialsecurity", "user.government_id" },
        new[] { "passport", "user.government_id" },
        new[] { "password", "user.account.password" },
        new[] { "street", "user.contact.address.street" },
        new[] { "postalcode", "user.contact.address.postal_code" },
        new[] { "zipcode", "user.contact.address.postal_code" },
        new[] { "address", "user.contact.address" },
    };

    /// <summary>Returns the suggested category when the member looks like personal data, else <see langword="null"/>.</summary>
    public static string? SuggestCategory(string memberName, ValueKind kind)
    {
        if (kind == ValueKind.IPAddress)
        {
            return "user.device.ip_address";
        }

        if (kind != ValueKind.String && kind != ValueKind.DateTime && kind != ValueKind.DateOnly && kind != ValueKind.DateTimeOffset)
        {
            return null;
        }

        var name = memberName.TrimStart('_').Replace("_", string.Empty).ToLowerInvariant();
        if (name == "name")
        {
            return "user.name";
        }

        foreach (var pair in Fragments)
        {
            if (name.Contains(pair[0]))
            {
                return pair[1];
            }
        }

        return null;
    }
}
