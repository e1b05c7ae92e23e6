/**
 * Roles and the person acting. Every rule in permissions.ts takes an Actor, so the client
 * (to hide controls) and the server (to enforce) ask the same question the same way.
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'annotator', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** The authenticated person behind a change, as the server knows them. */
export interface Actor {
  id: string;
  login: string;
  name: string;
  role: Role;
}

/** The identity stamped on claims, comments and reviews. */
export interface PersonRef {
  id: string;
  name: string;
}

export const personRefSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
});

/** The reference to stamp for this actor. */
export function personRef(actor: Actor): PersonRef {
  return { id: actor.id, name: actor.name };
}

const rank: Record<Role, number> = { viewer: 0, annotator: 1, reviewer: 2, admin: 3 };

/** True when the role has at least the rights of `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}
