/**
 * GET /api/settings (anyone signed in: the app hides what the rules forbid) and
 * PUT /api/settings (admins).
 */
import { z } from 'zod';
import { parseInput, type RouteTable } from '../http/api.js';
import type { Settings } from './settings.js';

const patchSchema = z.object({ twoPersonRule: z.boolean().optional() }).strict();

/** The settings API over `settings`. */
export function settingsRoutes({ settings }: { settings: Settings }): RouteTable {
  return [
    ['GET', '/api/settings', { access: 'user', handle: () => ({ body: { settings: settings.current() } }) }],
    [
      'PUT',
      '/api/settings',
      {
        access: 'admin',
        async handle({ actor, body }) {
          const patch = parseInput(patchSchema, await body());
          return { body: { settings: settings.update(patch, actor.id) } };
        },
      },
    ],
  ];
}
