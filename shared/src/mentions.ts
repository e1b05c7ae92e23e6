/**
 * "@login" in a comment asks that person to look. Logins are 2–40 characters of lower-case
 * letters, digits, ".", "_" and "-" (the team rules); the mention must not be glued to a word
 * before it, so an e-mail address mentions nobody.
 */

const MENTION = /(^|[^\p{L}\p{N}@._-])@([a-z0-9][a-z0-9._-]{1,39})/giu;

/** The distinct logins mentioned in `text`, lower-cased, in order of first mention (trailing dots dropped). */
export function mentionedLogins(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const login = match[2].toLowerCase().replace(/[._-]+$/, '');
    if (login.length >= 2) found.add(login);
  }
  return [...found];
}
