/**
 * The team, for admins: list, add, change name or role, (de)activate, reset a password.
 * The rules are in auth/team.ts; this file maps HTTP onto them and tells the rooms, so an
 * open editor picks up a new role at once and a deactivated person is cut off.
 */
import { z } from 'zod';
import type { Team } from '../auth/team.js';
import type { UserRepository } from '../auth/users.js';
import type { Rooms } from '../rooms/types.js';
import { parseInput, type RouteTable } from './api.js';

export interface UserRouteDeps {
  users: UserRepository;
  team: Team;
  rooms: Pick<Rooms, 'userChanged' | 'userDeactivated' | 'userSignedOut'>;
}

const newUserSchema = z.object({
  login: z.string().max(200),
  name: z.string().max(1000),
  role: z.string().max(40),
  password: z.string().max(1000).optional(),
});

const patchSchema = z
  .object({
    name: z.string().max(1000).optional(),
    role: z.string().max(40).optional(),
    active: z.boolean().optional(),
  })
  .strict();

const passwordSchema = z.object({ password: z.string().max(1000).optional() });

/** GET/POST /api/users, PATCH /api/users/:id, POST /api/users/:id/password. */
export function userRoutes({ users, team, rooms }: UserRouteDeps): RouteTable {
  return [
    ['GET', '/api/users', { access: 'admin', handle: () => ({ body: { users: users.list() } }) }],
    [
      'POST',
      '/api/users',
      {
        access: 'admin',
        async handle({ actor, body }) {
          const input = parseInput(newUserSchema, await body());
          const { user, generatedPassword } = await team.add(input, actor.id);
          return { status: 201, body: generatedPassword ? { user, password: generatedPassword } : { user } };
        },
      },
    ],
    [
      'PATCH',
      '/api/users/:id',
      {
        access: 'admin',
        async handle({ actor, params, body }) {
          const patch = parseInput(patchSchema, await body());
          const result = team.update(params.id, patch, actor.id);
          if (result.deactivated) rooms.userDeactivated(params.id);
          else if (result.changed) rooms.userChanged(params.id);
          return { body: { user: result.user } };
        },
      },
    ],
    [
      'POST',
      '/api/users/:id/password',
      {
        access: 'admin',
        async handle({ actor, params, body }) {
          const { password } = parseInput(passwordSchema, await body());
          const { user, generatedPassword } = await team.resetPassword(params.id, password, actor.id);
          // Their sessions were revoked: close their sockets too, for good (reconnecting would only be refused).
          rooms.userSignedOut(params.id);
          return { body: generatedPassword ? { user, password: generatedPassword } : { user } };
        },
      },
    ],
  ];
}
