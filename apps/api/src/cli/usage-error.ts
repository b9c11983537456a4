/**
 * A command line the desk cannot act on (an option's value out of range, a missing companion
 * option): the `desk` command prints its message as one line and exits 1, without a stack.
 */
export class UsageError extends Error {}
