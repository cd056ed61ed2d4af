using OrleansShop.GrainInterfaces;

namespace OrleansShop.ReadModels.Notifications;

/// <summary>One line of the order in a notification.</summary>
public sealed record OrderNotificationLine(string Name, string Sku, int Quantity, Money UnitPrice, Money LineTotal);
