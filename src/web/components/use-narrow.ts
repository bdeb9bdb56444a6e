/** Media queries the app follows as they change: a phone-narrow window, a wish for less motion. */
import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 600px)';

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function useMediaQuery(media: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(media);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(media).matches,
    () => false,
  );
}

/** Is the window as narrow as a phone? Follows the window as it is turned or resized. */
export function useNarrow(): boolean {
  return useMediaQuery(PHONE_QUERY);
}

/** Has the user asked the system for less motion (an accessibility setting)? */
export function useReducedMotion(): boolean {
  return useMediaQuery(REDUCED_MOTION_QUERY);
}
