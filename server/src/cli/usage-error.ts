/** A command line that does not make sense: the CLI prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}
