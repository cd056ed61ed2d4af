namespace OrleansShop.GrainInterfaces;

/// <summary>A review by a signed-in customer; <see cref="Author"/> is their display name, never the email.</summary>
public sealed record ReviewDraft(string CustomerId, string Author, int Rating, string Title, string Body);
