// Orleans has an ErrorCode enum of its own; in the API the word means the contract's error codes.
global using ErrorCode = OrleansShop.GrainInterfaces.ErrorCode;
global using HotChocolate;
global using HotChocolate.Execution;
global using HotChocolate.Resolvers;
global using HotChocolate.Types;
