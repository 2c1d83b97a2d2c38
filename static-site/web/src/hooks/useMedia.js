import { useSyncExternalStore } from 'react';

function useMedia(query) {
  return useSyncExternalStore(
    (notify) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

/** A phone-sized window. */
export const useNarrow = () => useMedia('(max-width: 700px)');

/** A touch-first device (no hovering pointer): taps, not clicks; page scroll, not zoom, on plots. */
export const useTouch = () => useMedia('(hover: none), (pointer: coarse)');
