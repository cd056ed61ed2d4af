using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>What a valid product looks like; field paths follow CreateProductInput / UpdateProductInput.</summary>
internal static class ProductRules
{
    public const int MaxSkuLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxBrandLength = 100;
    public const int MaxImages = 20;
    public const int MaxAttributes = 50;
    public const int MaxCategories = 20;
    public const decimal MaxPrice = 1_000_000m;

    public static void CheckSku(string? sku, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(sku) || sku.Trim().Length > MaxSkuLength || !sku.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"SKU must be 1 to {MaxSkuLength} letters, digits, '-', '_' or '.'.", "sku"));
        }
    }

    public static void CheckName(string? name, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Name must be 1 to {MaxNameLength} characters.", "name"));
        }
    }

    public static void CheckDescription(string? description, List<UserError> errors)
    {
        if (description is null || description.Length > MaxDescriptionLength)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Description is required and at most {MaxDescriptionLength} characters.", "description"));
        }
    }

    public static void CheckBrand(string? brand, List<UserError> errors)
    {
        if (brand is { Length: > MaxBrandLength })
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Brand is longer than {MaxBrandLength} characters.", "brand"));
        }
    }

    public static void CheckPrice(decimal amount, List<UserError> errors)
    {
        if (amount < 0 || amount > MaxPrice || decimal.Round(amount, 2) != amount)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Price must be between 0 and {MaxPrice} with at most two decimals.", "price"));
        }
    }

    public static void CheckCurrency(string? currency, List<UserError> errors)
    {
        if (!Money.IsCurrencyCode(currency))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Currency must be an ISO-4217 code such as \"USD\".", "currency"));
        }
    }

    public static void CheckImages(IReadOnlyList<string>? images, List<UserError> errors)
    {
        if (images is null)
        {
            return;
        }

        if (images.Count > MaxImages)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"At most {MaxImages} images.", "images"));
        }

        for (var i = 0; i < images.Count; i++)
        {
            if (!Uri.TryCreate(images[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add(UserError.For(ErrorCode.InvalidInput, "Images must be absolute http(s) URLs.", "images", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    public static void CheckAttributes(IReadOnlyList<ProductAttribute>? attributes, List<UserError> errors)
    {
        if (attributes is null)
        {
            return;
        }

        if (attributes.Count > MaxAttributes)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"At most {MaxAttributes} attributes.", "attributes"));
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(attributes[i].Name) || attributes[i].Value is null)
            {
                errors.Add(UserError.For(ErrorCode.InvalidInput, "Attributes need a name and a value.", "attributes", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }
}
