using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>What makes an address deliverable enough to accept; shared by the address book and checkout.</summary>
internal static class AddressRules
{
    public const int MaxFieldLength = 200;

    /// <summary>The problems with <paramref name="address"/>, each with a field path under <paramref name="path"/>.</summary>
    public static List<UserError> Check(AddressInput? address, params string[] path)
    {
        if (address is null)
        {
            return [UserError.For(ErrorCode.InvalidInput, "An address is required.", path)];
        }

        var errors = new List<UserError>();
        Required(address.Name, "name");
        Required(address.Line1, "line1");
        Optional(address.Line2, "line2");
        Required(address.City, "city");
        Optional(address.Region, "region");
        Required(address.PostalCode, "postalCode");
        Optional(address.Phone, "phone");
        if (address.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Country must be an ISO-3166 alpha-2 code such as \"US\".", [.. path, "country"]));
        }

        return errors;

        void Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(UserError.For(ErrorCode.InvalidInput, $"Address {field} is required.", [.. path, field]));
            }
            else
            {
                Optional(value, field);
            }
        }

        void Optional(string? value, string field)
        {
            if (value is { Length: > MaxFieldLength })
            {
                errors.Add(UserError.For(ErrorCode.InvalidInput, $"Address {field} is longer than {MaxFieldLength} characters.", [.. path, field]));
            }
        }
    }
}
