global using Orleans;
global using Orleans.Runtime;
global using Xunit;
// Orleans has an ErrorCode enum of its own in a namespace imported above; in these tests the word means the contract's.
global using ErrorCode = OrleansShop.GrainInterfaces.ErrorCode;
