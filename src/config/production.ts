/** NODE_ENV=production turns introspection and the landing page off unless INTROSPECTION / LANDING_PAGE say on. */
import { readSwitch, type Env } from './envValues';

export interface ExposureSettings {
  introspection: boolean;
  /** Apollo Sandbox's landing page at GET /graphql. */
  landingPage: boolean;
}

export function readExposureSettings(env: Env): ExposureSettings {
  const production = env.NODE_ENV === 'production';
  return { introspection: readSwitch(env, 'INTROSPECTION', !production), landingPage: readSwitch(env, 'LANDING_PAGE', !production) };
}
