using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.2.3.1 Single Root Field, with the 2025 rule against @skip and @include at the root.</summary>
public sealed class SingleFieldSubscriptionsRuleTests
{
    [Fact]
    public void One_root_field_is_valid()
    {
        ExpectSpecValid<SingleFieldSubscriptionsRule>(
            """
            subscription sub {
              newMessage {
                body
                sender
              }
            }
            """);
    }

    [Fact]
    public void One_root_field_through_a_fragment_is_valid()
    {
        ExpectSpecValid<SingleFieldSubscriptionsRule>(
            """
            subscription sub {
              ...newMessageFields
            }

            fragment newMessageFields on Subscription {
              newMessage {
                body
                sender
              }
            }
            """);
    }

    [Fact]
    public void A_second_root_field_is_reported_at_the_extra_field()
    {
        ExpectSpecErrors<SingleFieldSubscriptionsRule>(
            """
            subscription sub {
              newMessage {
                body
                sender
              }
              disallowedSecondRootField
            }
            """,
            Error("Subscription \"sub\" must select only one top level field.", (6, 3)));
    }

    [Fact]
    public void A_second_root_field_inside_a_fragment_is_reported()
    {
        ExpectSpecErrors<SingleFieldSubscriptionsRule>(
            """
            subscription sub {
              ...multipleSubscriptions
            }

            fragment multipleSubscriptions on Subscription {
              newMessage {
                body
                sender
              }
              disallowedSecondRootField
            }
            """,
            Error("Subscription \"sub\" must select only one top level field.", (10, 3)));
    }

    [Fact]
    public void An_introspection_root_field_is_reported()
    {
        ExpectSpecErrors<SingleFieldSubscriptionsRule>(
            """
            subscription sub {
              __typename
            }
            """,
            Error("Subscription \"sub\" must not select an introspection top level field.", (2, 3)));
    }

    [Fact]
    public void Skip_or_include_on_the_root_selection_is_reported_since_2025()
    {
        ExpectSpecErrors<SingleFieldSubscriptionsRule>(
            """
            subscription sub($on: Boolean!) {
              newMessage @include(if: $on) {
                body
              }
            }
            """,
            Error("Subscription \"sub\" must not use `@skip` or `@include` directives in the top level selection.", (2, 14)));
    }

    [Fact]
    public void Skip_on_a_root_fragment_spread_of_an_anonymous_subscription_is_reported()
    {
        ExpectSpecErrors<SingleFieldSubscriptionsRule>(
            """
            subscription {
              ...F @skip(if: true)
            }
            fragment F on Subscription { newMessage { body } }
            """,
            Error("Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.", (2, 8)));
    }

    [Fact]
    public void Skip_below_the_root_field_is_allowed()
    {
        ExpectSpecValid<SingleFieldSubscriptionsRule>(
            """
            subscription sub {
              newMessage {
                body @skip(if: true)
                sender
              }
            }
            """);
    }

    [Fact]
    public void Aliases_of_the_same_field_are_distinct_root_fields()
    {
        ExpectSpecErrors<SingleFieldSubscriptionsRule>(
            """
            subscription {
              a: newMessage { body }
              b: newMessage { body }
              c: newMessage { body }
            }
            """,
            Error("Anonymous Subscription must select only one top level field.", (3, 3), (4, 3)));
    }
}
