// Orleans has an ErrorCode enum of its own in the namespace every grain imports; in this project the word means the
// contract's error codes.
global using ErrorCode = OrleansShop.GrainInterfaces.ErrorCode;
