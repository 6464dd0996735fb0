/**
 * The output side of a CLI command, shared by every `*-command.ts` (kept in its own small module so that
 * importing the type loads no command).
 */

/** Where the command writes: stdout, stderr, and whether stderr is a terminal (for the progress bar). */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progress: boolean;
}
